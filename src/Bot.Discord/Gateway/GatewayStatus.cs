using Bot.Discord.Diagnostics;

namespace Bot.Discord.Gateway;

/// <summary>
/// What the gateway client last reported about its link, for health probes and metrics: the session's
/// state, HELLO's heartbeat interval, and when Discord last acknowledged a heartbeat. Updated by the
/// client as events happen; read from any thread.
/// </summary>
public sealed class GatewayStatus
{
    private const long Never = long.MinValue;

    private readonly TimeProvider _time;
    private readonly DiscordMetrics? _metrics;
    private long _lastAcknowledgedAt = Never;
    private long _intervalTicks;
    private int _state;

    /// <param name="time">The clock the client runs on.</param>
    /// <param name="metrics">Where sessions and reconnects are counted; nowhere when null.</param>
    public GatewayStatus(TimeProvider time, DiscordMetrics? metrics = null)
    {
        _time = time;
        _metrics = metrics;
    }

    public GatewaySessionState State => (GatewaySessionState)Volatile.Read(ref _state);

    /// <summary>READY or RESUMED on the current connection: interactions are being delivered.</summary>
    public bool IsSessionLive => State is GatewaySessionState.Ready or GatewaySessionState.Resumed;

    /// <summary>The latest HELLO's heartbeat interval; null before the first HELLO.</summary>
    public TimeSpan? HeartbeatInterval => Interlocked.Read(ref _intervalTicks) is > 0 and var ticks ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>
    /// Since Discord last acknowledged a heartbeat, or since the first HELLO when none was acknowledged yet;
    /// null before the first HELLO. A reconnect does not reset it: only an ACK shows the link works.
    /// </summary>
    public TimeSpan? SinceLastAcknowledgement => Interlocked.Read(ref _lastAcknowledgedAt) is var at and not Never ? _time.GetElapsedTime(at) : null;

    /// <summary>Heartbeat intervals without an ACK after which the link is taken for dead (the client itself gives up after one).</summary>
    public const int MissedHeartbeatsAllowed = 3;

    /// <summary>
    /// False when no heartbeat has been acknowledged for <see cref="MissedHeartbeatsAllowed"/> intervals plus
    /// <paramref name="grace"/>: reconnecting has not brought the link back. True before the first HELLO.
    /// </summary>
    public bool HeartbeatsAcknowledged(TimeSpan grace) =>
        SinceLastAcknowledgement is not { } since || HeartbeatInterval is not { } interval || since <= (interval * MissedHeartbeatsAllowed) + grace;

    /// <summary>Raised after any change a probe reads (state, heartbeat interval, acknowledgement), for whoever waits on one.</summary>
    public event Action? Changed;

    internal void Connecting() => SetState(GatewaySessionState.Connecting);

    internal void Hello(TimeSpan interval)
    {
        Interlocked.Exchange(ref _intervalTicks, interval.Ticks);
        Interlocked.CompareExchange(ref _lastAcknowledgedAt, _time.GetTimestamp(), Never);
        Changed?.Invoke();
    }

    internal void Acknowledged()
    {
        Interlocked.Exchange(ref _lastAcknowledgedAt, _time.GetTimestamp());
        Changed?.Invoke();
    }

    internal void SessionStarted(bool resumed)
    {
        SetState(resumed ? GatewaySessionState.Resumed : GatewaySessionState.Ready);
        _metrics?.SessionStarted(resumed);
    }

    internal void Disconnected() => SetState(GatewaySessionState.Disconnected);

    /// <summary>A connection ended for <paramref name="reason"/> and another one follows, to resume or to identify.</summary>
    internal void Reconnecting(ConnectionEndReason reason, bool resume) => _metrics?.Reconnecting(reason, resume);

    private void SetState(GatewaySessionState state)
    {
        Volatile.Write(ref _state, (int)state);
        Changed?.Invoke();
    }
}
