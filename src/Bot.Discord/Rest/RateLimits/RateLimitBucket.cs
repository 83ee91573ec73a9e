using System.Diagnostics.CodeAnalysis;

namespace Bot.Discord.Rest.RateLimits;

/// <summary>
/// One Discord rate-limit bucket (per bucket id and top-level id). Until a response describes it, one
/// request at a time; then <c>Remaining</c> requests until <c>Reset-After</c>; a 429 pauses it.
/// </summary>
/// <remarks>
/// Acquirers queue on a one-slot semaphore, so the head of the queue does the waiting and the order is
/// kept. State changes happen under <see cref="_lock"/>, which responses take without queueing.
/// Every wait goes through the injected <see cref="TimeProvider"/>.
/// </remarks>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The semaphore is only awaited and released: it never allocates a wait handle, so there is nothing to dispose, and a disposable limiter would make its owners disposable for nothing.")]
public sealed class RateLimitBucket
{
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _queue = new(1, 1);
    private readonly Lock _lock = new();
    private Mode _mode = Mode.Unknown;
    private int _limit;
    private int _remaining;
    private long? _resetAt;
    private long? _pausedUntil;
    private int _inFlight;
    private int _waiting;
    private TaskCompletionSource? _changed;

    private readonly Action? _waitingChanged;

    /// <param name="waitingChanged">Called when <see cref="Waiting"/> changes (the limiter's <see cref="RestRateLimiter.WaitingChanged"/>).</param>
    public RateLimitBucket(TimeProvider time, Action? waitingChanged = null)
    {
        _time = time;
        _waitingChanged = waitingChanged;
    }

    private enum Mode
    {
        /// <summary>No response yet: one request in flight.</summary>
        Unknown,

        /// <summary>Discord described the bucket.</summary>
        Limited,

        /// <summary>A success came without rate-limit headers: no per-route limit.</summary>
        Unlimited,
    }

    /// <summary>Requests inside <see cref="AcquireAsync"/>: waiting for a slot, or just being given one.</summary>
    internal int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Requests sent and not answered yet.</summary>
    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Waits for a slot; refuses at once when the wait would exceed <paramref name="maxWait"/>.</summary>
    public async ValueTask<RateLimitWait> AcquireAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        _waitingChanged?.Invoke();
        try
        {
            await _queue.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                while (true)
                {
                    Task wait;
                    lock (_lock)
                    {
                        var now = _time.GetTimestamp();
                        if (TryTakeSlot(now, out var delay))
                            return RateLimitWait.Granted;

                        if (delay is { } due)
                        {
                            if (due > maxWait)
                                return RateLimitWait.Refused(due);

                            wait = Task.Delay(due, _time, cancellationToken);
                        }
                        else
                        {
                            _changed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                            wait = _changed.Task.WaitAsync(cancellationToken);
                        }
                    }

                    await wait.ConfigureAwait(false);
                }
            }
            finally
            {
                _queue.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
            _waitingChanged?.Invoke();
        }
    }

    /// <summary>A request that took a slot got its answer (<paramref name="headers"/>), or none (<c>null</c>: network failure).</summary>
    public void Release(RateLimitHeaders? headers, bool succeeded)
    {
        lock (_lock)
        {
            _inFlight = Math.Max(0, _inFlight - 1);
            if (headers is not null)
                ObserveLocked(headers, succeeded);

            SignalLocked();
        }
    }

    /// <summary>Learns from a response to another key of the same bucket (no slot was taken here).</summary>
    public void Observe(RateLimitHeaders headers)
    {
        lock (_lock)
        {
            ObserveLocked(headers, succeeded: false);
            SignalLocked();
        }
    }

    /// <summary>A 429 for this bucket: nothing goes out for <paramref name="retryAfter"/>.</summary>
    public void Pause(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = After(_time.GetTimestamp(), retryAfter);
            _pausedUntil = _pausedUntil is { } current && current > until ? current : until;
            SignalLocked();
        }
    }

    /// <summary>True when nothing waits, nothing is in flight and no pause or reset is pending: the bucket can be forgotten.</summary>
    public bool IsIdle()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            return _inFlight == 0 && Volatile.Read(ref _waiting) == 0
                && (_pausedUntil is not { } paused || paused <= now)
                && (_resetAt is not { } reset || reset <= now);
        }
    }

    private bool TryTakeSlot(long now, out TimeSpan? delay)
    {
        delay = null;
        if (_pausedUntil is { } paused)
        {
            if (paused > now)
            {
                delay = _time.GetElapsedTime(now, paused);
                return false;
            }

            _pausedUntil = null;
        }

        switch (_mode)
        {
            case Mode.Unlimited:
                _inFlight++;
                return true;

            case Mode.Unknown:
                if (_inFlight > 0)
                {
                    return false; // wait for the answer that describes the bucket
                }

                _inFlight++;
                return true;
        }

        if (_resetAt is { } reset && reset <= now)
        {
            _resetAt = null;
            _remaining = _limit;
        }

        if (_remaining > 0)
        {
            _remaining--;
            _inFlight++;
            return true;
        }

        if (_resetAt is { } due)
        {
            delay = _time.GetElapsedTime(now, due);
            return false;
        }

        if (_inFlight > 0)
        {
            return false; // an answer on its way will say when the bucket refills
        }

        _inFlight++; // empty with no reset known and nothing to wait for: probe with one request
        return true;
    }

    private void ObserveLocked(RateLimitHeaders headers, bool succeeded)
    {
        if (headers.DescribesBucket)
        {
            _mode = Mode.Limited;
            _limit = headers.Limit!.Value;

            // Requests still in flight may not be counted in this answer yet: assume they are not.
            _remaining = Math.Max(0, headers.Remaining!.Value - _inFlight);
            _resetAt = After(_time.GetTimestamp(), headers.ResetAfter!.Value);
        }
        else if (succeeded && _mode == Mode.Unknown)
        {
            _mode = Mode.Unlimited;
        }
    }

    private void SignalLocked()
    {
        var changed = _changed;
        _changed = null;
        changed?.TrySetResult();
    }

    private long After(long timestamp, TimeSpan delay) =>
        timestamp + (long)Math.Ceiling(delay.TotalSeconds * _time.TimestampFrequency);
}
