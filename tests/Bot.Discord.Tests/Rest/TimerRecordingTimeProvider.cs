using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Rest;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that remembers when each timer it made is due. A limiter waits
/// on the clock by making a timer, synchronously, before its wait returns: the due time says how
/// long it will hold a request, with no sleep to find out that it has not let it through yet.
/// </summary>
internal sealed class TimerRecordingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly List<TimeSpan> _dueTimes = [];

    /// <summary>The due time of every timer made, in order.</summary>
    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_dueTimes)
                return _dueTimes.ToArray();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_dueTimes)
            _dueTimes.Add(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
