using System.Diagnostics.CodeAnalysis;

namespace Bot.Discord.Rest.RateLimits;

/// <summary>
/// Discord's per-bot global limit: at most <c>limit</c> requests in any one-second window, and a full stop
/// after a global 429. Interaction callbacks and interaction webhooks do not come here.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The semaphore is only awaited and released: it never allocates a wait handle, so there is nothing to dispose, and a disposable limiter would make its owners disposable for nothing.")]
public sealed class GlobalRateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _queue = new(1, 1);
    private readonly Lock _lock = new();
    private readonly long[] _sent; // send times of the last `limit` requests, a ring
    private int _count;
    private int _oldest;
    private long? _pausedUntil;

    public GlobalRateLimiter(TimeProvider time, int requestsPerSecond = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerSecond, 1);
        _time = time;
        _sent = new long[requestsPerSecond];
    }

    /// <summary>Waits for a slot in the window; refuses at once when the wait would exceed <paramref name="maxWait"/>.</summary>
    public async ValueTask<RateLimitWait> AcquireAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        await _queue.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                TimeSpan delay;
                lock (_lock)
                {
                    var now = _time.GetTimestamp();
                    if (!TryTake(now, out delay))
                    {
                        if (delay > maxWait)
                            return RateLimitWait.Refused(delay);
                    }
                    else
                    {
                        return RateLimitWait.Granted;
                    }
                }

                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _queue.Release();
        }
    }

    /// <summary>A global 429: every request that counts toward the global limit waits <paramref name="retryAfter"/>.</summary>
    public void Pause(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = _time.GetTimestamp() + (long)Math.Ceiling(retryAfter.TotalSeconds * _time.TimestampFrequency);
            _pausedUntil = _pausedUntil is { } current && current > until ? current : until;
        }
    }

    private bool TryTake(long now, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (_pausedUntil is { } paused)
        {
            if (paused > now)
            {
                delay = _time.GetElapsedTime(now, paused);
                return false;
            }

            _pausedUntil = null;
        }

        if (_count < _sent.Length)
        {
            _sent[(_oldest + _count) % _sent.Length] = now;
            _count++;
            return true;
        }

        var freeAt = _sent[_oldest] + (long)(Window.TotalSeconds * _time.TimestampFrequency);
        if (freeAt > now)
        {
            delay = _time.GetElapsedTime(now, freeAt);
            return false;
        }

        _sent[_oldest] = now;
        _oldest = (_oldest + 1) % _sent.Length;
        return true;
    }
}
