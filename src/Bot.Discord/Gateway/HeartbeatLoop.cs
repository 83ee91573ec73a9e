namespace Bot.Discord.Gateway;

/// <summary>
/// One connection's heartbeats, on their own task so that neither the receive loop nor a slow consumer
/// can hold them up. The first beat comes <c>interval × jitter</c> after HELLO (so bots reconnecting
/// together spread out), then one every interval. A beat that finds no ACK since the previous one means
/// the link is a zombie.
/// </summary>
/// <remarks>
/// Beats are scheduled on absolute times from HELLO's arrival, so a task that starts late does not shift
/// them and the schedule does not drift.
/// </remarks>
internal sealed class HeartbeatLoop
{
    private readonly TimeSpan _interval;
    private readonly TimeSpan _firstBeat;
    private readonly long _helloAt;
    private readonly TimeProvider _time;
    private readonly Func<CancellationToken, Task> _sendHeartbeat;
    private readonly Func<bool> _receiveBlocked;
    private int _acked;

    /// <param name="interval">HELLO's <c>heartbeat_interval</c>.</param>
    /// <param name="jitter">In [0, 1).</param>
    /// <param name="helloAt">The <see cref="TimeProvider.GetTimestamp"/> of HELLO's arrival.</param>
    /// <param name="time">The clock.</param>
    /// <param name="sendHeartbeat">Sends op 1 with the latest sequence.</param>
    /// <param name="receiveBlocked">
    /// True while the receive loop waits for room in the interaction queue: ACKs are then unread rather
    /// than missing, so no zombie verdict is given.
    /// </param>
    public HeartbeatLoop(TimeSpan interval, double jitter, long helloAt, TimeProvider time, Func<CancellationToken, Task> sendHeartbeat, Func<bool> receiveBlocked)
    {
        _interval = interval;
        _firstBeat = FirstBeatDelay(interval, jitter);
        _helloAt = helloAt;
        _time = time;
        _sendHeartbeat = sendHeartbeat;
        _receiveBlocked = receiveBlocked;
    }

    public static TimeSpan FirstBeatDelay(TimeSpan interval, double jitter) =>
        jitter is >= 0 and < 1 ? interval * jitter : throw new ArgumentOutOfRangeException(nameof(jitter), "Jitter is in [0, 1).");

    /// <summary>An op 11 arrived.</summary>
    public void Acknowledged() => Volatile.Write(ref _acked, 1);

    /// <summary>Beats until cancelled; returns when the link is found to be a zombie.</summary>
    public async Task RunUntilZombieAsync(CancellationToken cancellationToken)
    {
        var due = _firstBeat;
        var first = true;
        while (true)
        {
            var wait = due - _time.GetElapsedTime(_helloAt);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);

            // Cleared before sending, so an ACK that races back before the send returns still counts.
            var ackedSinceLastBeat = Interlocked.Exchange(ref _acked, 0) == 1;
            if (!first && !ackedSinceLastBeat && !_receiveBlocked())
                return;

            first = false;
            await _sendHeartbeat(cancellationToken).ConfigureAwait(false);

            // After a stall (a suspended machine) beat once, not a burst of overdue beats.
            var now = _time.GetElapsedTime(_helloAt);
            due = due + _interval > now ? due + _interval : now + _interval;
        }
    }
}
