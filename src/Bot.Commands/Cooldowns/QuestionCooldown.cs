using System.Globalization;
using Microsoft.Extensions.Options;

namespace Bot.Commands.Cooldowns;

/// <summary>
/// Per-member limit on questions: at most <see cref="QuestionCooldownOptions.Questions"/> within any
/// <see cref="QuestionCooldownOptions.Window"/> (a sliding window over the times of the questions
/// let through; refused ones do not count). Measured on the injected clock's monotonic timestamps.
/// </summary>
/// <remarks>
/// In memory, so per process: with several HTTP replicas behind a load balancer each counts on its
/// own, and a member may get up to that many times the limit through. A restart forgets everything.
/// </remarks>
public sealed class QuestionCooldown
{
    /// <summary>Members remembered before the ones whose window has passed are forgotten.</summary>
    private const int SweepAbove = 4096;

    private readonly Dictionary<string, Queue<long>> _asked = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private long _lastSweep;

    public QuestionCooldown(IOptions<QuestionCooldownOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        Questions = options.Value.Questions;
        Window = options.Value.Window;
        _time = time;
        _lastSweep = time.GetTimestamp();
    }

    public int Questions { get; }

    public TimeSpan Window { get; }

    /// <summary>
    /// Counts a question by <paramref name="userId"/> and returns true when it is within the limit;
    /// otherwise counts nothing and returns false with the time at which one more will be allowed.
    /// </summary>
    public bool TryAsk(string userId, out DateTimeOffset allowedAt)
    {
        ArgumentNullException.ThrowIfNull(userId);
        allowedAt = default;
        if (Questions <= 0)
            return true;

        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (!_asked.TryGetValue(userId, out var times))
            {
                SweepIfLarge(now);
                _asked[userId] = times = new Queue<long>(Questions);
            }

            while (times.Count > 0 && _time.GetElapsedTime(times.Peek(), now) >= Window)
                times.Dequeue();
            if (times.Count < Questions)
            {
                times.Enqueue(now);
                return true;
            }

            allowedAt = _time.GetUtcNow() + (Window - _time.GetElapsedTime(times.Peek(), now));
            return false;
        }
    }

    /// <summary>Whether <see cref="TryAsk"/> would let a question by <paramref name="userId"/> through now; counts nothing.</summary>
    public bool WouldAllow(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (Questions <= 0)
            return true;
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (!_asked.TryGetValue(userId, out var times))
                return true;
            return times.Count(t => _time.GetElapsedTime(t, now) < Window) < Questions;
        }
    }

    /// <summary>The note a refused member sees: when they may ask again, as a Discord relative timestamp.</summary>
    public string Notice(DateTimeOffset allowedAt)
    {
        // Rounded up, so "in 0 seconds" never shows while the next question would still be refused.
        var seconds = (long)Math.Ceiling(allowedAt.ToUnixTimeMilliseconds() / 1000.0);
        var asked = Questions == 1 ? "a question" : $"{Questions.ToString(CultureInfo.InvariantCulture)} questions";
        return $"You've asked {asked} in the last {Describe(Window)}. You can ask again <t:{seconds.ToString(CultureInfo.InvariantCulture)}:R>.";
    }

    private void SweepIfLarge(long now)
    {
        if (_asked.Count < SweepAbove || _time.GetElapsedTime(_lastSweep, now) < Window)
            return;
        _lastSweep = now;
        foreach (var (user, times) in _asked)
        {
            if (times.Count == 0 || _time.GetElapsedTime(times.Last(), now) >= Window)
                _asked.Remove(user);
        }
    }

    private static string Describe(TimeSpan window) => window switch
    {
        { TotalSeconds: 1 } => "second",
        { TotalMinutes: 1 } => "minute",
        { TotalHours: 1 } => "hour",
        _ when window.TotalHours == Math.Floor(window.TotalHours) => $"{window.TotalHours:0} hours",
        _ when window.TotalMinutes == Math.Floor(window.TotalMinutes) => $"{window.TotalMinutes:0} minutes",
        _ => $"{Math.Ceiling(window.TotalSeconds):0} seconds",
    };
}
