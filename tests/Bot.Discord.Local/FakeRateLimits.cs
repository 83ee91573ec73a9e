using System.Globalization;

namespace Bot.Discord.Local;

/// <summary>
/// The server side of Discord's rate limits: a fixed window per (bucket, top-level id), answered in
/// <c>X-RateLimit-*</c> headers, and the 50-per-second global limit for bot-token requests. A request past
/// a limit gets the 429 Discord would send, so a client that ignores the headers shows up in the log.
/// Time is the server's <see cref="TimeProvider"/> (shared with the client in tests that fake it).
/// </summary>
public sealed class FakeRateLimits
{
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int Limit, TimeSpan Window)> _limits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _globalSends = new();

    public FakeRateLimits(TimeProvider time) => _time = time;

    /// <summary>Discord's message-create default: 5 per 5 s per channel. Other routes use the same unless set.</summary>
    public (int Limit, TimeSpan Window) Default { get; set; } = (5, TimeSpan.FromSeconds(5));

    public int GlobalPerSecond { get; set; } = 50;

    /// <summary>Sets the limit of one operation's bucket.</summary>
    public void Set(string operation, int limit, TimeSpan window)
    {
        lock (_lock)
        {
            _limits[operation] = (limit, window);
        }
    }

    /// <summary>The bucket id an operation reports: an opaque hex string, as Discord's.</summary>
    public static string BucketId(string operation) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(operation)))[..32];

    /// <summary>Counts a request toward the global limit; returns the wait when it is over.</summary>
    public TimeSpan? TakeGlobal()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            while (_globalSends.Count > 0 && now - _globalSends.Peek() >= TimeSpan.FromSeconds(1))
            {
                _globalSends.Dequeue();
            }

            if (_globalSends.Count >= GlobalPerSecond)
                return _globalSends.Peek() + TimeSpan.FromSeconds(1) - now;

            _globalSends.Enqueue(now);
            return null;
        }
    }

    /// <summary>Counts a request in its bucket; returns the headers to send and whether it was over the limit.</summary>
    public (Dictionary<string, string> Headers, bool Exceeded) Take(string operation, string majorKey) => Use(operation, majorKey, take: true);

    /// <summary>The bucket's headers without counting a request (for scripted answers).</summary>
    public Dictionary<string, string> Peek(string operation, string majorKey) => Use(operation, majorKey, take: false).Headers;

    private (Dictionary<string, string> Headers, bool Exceeded) Use(string operation, string majorKey, bool take)
    {
        lock (_lock)
        {
            var (limit, length) = _limits.TryGetValue(operation, out var set) ? set : Default;
            var now = _time.GetUtcNow();
            var key = operation + "|" + majorKey;
            if (!_windows.TryGetValue(key, out var window) || window.End <= now)
            {
                window = new Window { End = now + length };
                _windows[key] = window;
            }

            var exceeded = window.Used >= limit;
            if (take && !exceeded)
                window.Used++;

            var resetAfter = window.End - now;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture),
                ["X-RateLimit-Remaining"] = Math.Max(0, limit - window.Used).ToString(CultureInfo.InvariantCulture),
                ["X-RateLimit-Reset"] = (window.End.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture),
                ["X-RateLimit-Reset-After"] = resetAfter.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture),
                ["X-RateLimit-Bucket"] = BucketId(operation),
            };
            if (exceeded)
            {
                headers["Retry-After"] = Math.Ceiling(resetAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Scope"] = "user";
            }

            return (headers, exceeded);
        }
    }

    private sealed class Window
    {
        public DateTimeOffset End { get; init; }

        public int Used { get; set; }
    }
}
