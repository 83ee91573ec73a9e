namespace Bot.Discord.Gateway;

/// <summary>
/// Discord closes a connection (4008) that sends more than 120 frames in 60 s. This keeps a sliding
/// window of send times, so no 60 s span ever holds more than the limit whichever way Discord counts,
/// and keeps the last few slots for heartbeats: a burst of other frames can never delay a heartbeat
/// into a zombie verdict. One limiter per connection.
/// </summary>
internal sealed class GatewaySendLimiter
{
    public const int DefaultLimit = 120;

    public const int DefaultHeartbeatReserve = 5;

    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(60);

    private readonly TimeProvider _time;
    private readonly int _limit;
    private readonly int _heartbeatReserve;
    private readonly TimeSpan _window;
    private readonly Lock _lock = new();
    private readonly List<long> _sentAt = [];

    public GatewaySendLimiter(TimeProvider time, int limit = DefaultLimit, int heartbeatReserve = DefaultHeartbeatReserve, TimeSpan? window = null)
    {
        if (heartbeatReserve < 0 || heartbeatReserve >= limit)
            throw new ArgumentOutOfRangeException(nameof(heartbeatReserve), "The heartbeat reserve must leave room for other frames.");

        _time = time;
        _limit = limit;
        _heartbeatReserve = heartbeatReserve;
        _window = window ?? DefaultWindow;
    }

    /// <summary>Waits until a frame may be sent, and counts it. Heartbeats may use every slot; other frames all but the reserve.</summary>
    public async ValueTask WaitAsync(bool heartbeat, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = _time.GetTimestamp();
                var expired = _sentAt.FindIndex(sent => _time.GetElapsedTime(sent, now) < _window);
                _sentAt.RemoveRange(0, expired < 0 ? _sentAt.Count : expired);
                var capacity = heartbeat ? _limit : _limit - _heartbeatReserve;
                if (_sentAt.Count < capacity)
                {
                    _sentAt.Add(now);
                    return;
                }

                // A slot frees when the send that put the count over capacity leaves the window.
                wait = _window - _time.GetElapsedTime(_sentAt[_sentAt.Count - capacity], now);
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
