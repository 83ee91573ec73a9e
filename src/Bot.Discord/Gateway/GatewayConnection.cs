using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bot.Discord.Interactions;
using Bot.Discord.Models.Gateway;
using Bot.Discord.Serialization;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Gateway;

/// <summary>
/// One gateway connection, from connect to close: HELLO, IDENTIFY or RESUME, heartbeats, and a receive
/// loop that only parses frames, tracks the session and enqueues interactions. It decides how it ended;
/// <see cref="GatewayClient"/> decides what comes next.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "A connection lives for one RunAsync call; StopAsync disposes its token sources and timers when that call ends.")]
internal sealed partial class GatewayConnection
{
    /// <summary>Discord closes a connection that sends a larger frame (4002).</summary>
    public const int MaxFrameBytes = 4096;

    // Whether a RESUME was answered: whichever of the first dispatch and the deadline comes first wins.
    private const int ResumePending = 0;
    private const int ResumeAnswered = 1;
    private const int ResumeExpired = 2;

    private readonly IGatewayTransport _transport;
    private readonly GatewaySession _session;
    private readonly DiscordOptions _options;
    private readonly InteractionQueue _queue;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly bool _resume;
    private readonly GatewaySendLimiter _limiter;
    private readonly GatewayStatus _status;

    // Cancelled to drop the link: when a closing handshake takes too long, or the close could not be sent.
    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationTokenSource _heartbeatStop;
    private ConnectionEnd? _end;
    private Task _closing = Task.CompletedTask;
    private Task _heartbeats = Task.CompletedTask;
    private HeartbeatLoop? _heartbeat;
    private ITimer? _helloTimer;
    private ITimer? _resumeDeadline;
    private int _resumeOutcome = ResumePending;
    private ITimer? _closeTimer;
    private volatile bool _receiveBlocked;

    public GatewayConnection(
        IGatewayTransport transport, GatewaySession session, DiscordOptions options, InteractionQueue queue, TimeProvider time, ILogger logger, bool resume, GatewayStatus status)
    {
        _status = status;
        _transport = transport;
        _session = session;
        _options = options;
        _queue = queue;
        _time = time;
        _logger = logger;
        _resume = resume;
        _limiter = new GatewaySendLimiter(time);
        _heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
    }

    /// <summary>The socket opened (false: the URL may be stale).</summary>
    public bool Connected { get; private set; }

    /// <summary>READY or RESUMED arrived: the link worked end to end.</summary>
    public bool ReachedSession { get; private set; }

    /// <summary>Runs the connection to its end. Never throws: every failure is a way of ending.</summary>
    public async Task<ConnectionEnd> RunAsync(Uri uri, CancellationToken stopping)
    {
        var stopRegistration = stopping.Register(() => End(ConnectionEnd.Shutdown));
        try
        {
            // Covers the handshake too: a server that accepts TCP and then says nothing must not hold us forever.
            _helloTimer = _time.CreateTimer(
                _ => End(new ConnectionEnd(ConnectionEndReason.NoHello, GatewayNextStep.Resume)), null, _options.HelloTimeout, Timeout.InfiniteTimeSpan);
            await _transport.ConnectAsync(uri, _abort.Token).ConfigureAwait(false);
            Connected = true;
            await ReceiveUntilClosedAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // Dropped on purpose (a close that took too long, no HELLO, shutdown while connecting): the end is already decided.
        }
        catch (Exception exception)
        {
            // Whatever broke (refused, reset, a frame we could not handle), the next step is a reconnect.
            Decide(ConnectionEnd.Dropped($"{exception.GetType().Name}: {exception.Message}"));
        }
        finally
        {
            await stopRegistration.DisposeAsync().ConfigureAwait(false);
            await StopAsync().ConfigureAwait(false);
        }

        return _end ?? ConnectionEnd.Dropped("closed");
    }

    private async Task ReceiveUntilClosedAsync(CancellationToken stopping)
    {
        while (true)
        {
            var message = await _transport.ReceiveAsync(_abort.Token).ConfigureAwait(false);
            if (message.IsClose)
            {
                if (Decide(ConnectionEnd.ClosedByDiscord(message.CloseCode, message.CloseReason)))
                {
                    // Discord started the close: complete the handshake (any code but 1000 keeps the session).
                    await _transport.CloseAsync(GatewayCloseCodes.Reconnecting, "", _abort.Token).ConfigureAwait(false);
                }

                return;
            }

            await HandleAsync(message.Text, stopping).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> text, CancellationToken stopping)
    {
        GatewayPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(text.Span, DiscordJson.Default.GatewayPayload);
        }
        catch (JsonException exception)
        {
            GatewayLog.UnreadableFrame(_logger, null, null, exception.Message);
            return;
        }

        switch (payload?.Op)
        {
            case null:
                break;
            case GatewayOpcode.Hello:
                await OnHelloAsync(payload).ConfigureAwait(false);
                break;
            case GatewayOpcode.HeartbeatAck:
                _heartbeat?.Acknowledged();
                _status.Acknowledged();
                break;
            case GatewayOpcode.Heartbeat:
                await SendHeartbeatAsync(_abort.Token).ConfigureAwait(false);
                break;
            case GatewayOpcode.Reconnect:
                End(new ConnectionEnd(ConnectionEndReason.ReconnectRequested, GatewayNextStep.Resume));
                break;
            case GatewayOpcode.InvalidSession:
                var resumable = payload.D.ValueKind == JsonValueKind.True;
                End(new ConnectionEnd(ConnectionEndReason.InvalidSession, resumable ? GatewayNextStep.Resume : GatewayNextStep.Identify));
                break;
            case GatewayOpcode.Dispatch:
                await OnDispatchAsync(payload, stopping).ConfigureAwait(false);
                break;
            default:
                GatewayLog.IgnoredOpcode(_logger, (int)payload.Op);
                break;
        }
    }

    private async Task OnHelloAsync(GatewayPayload payload)
    {
        if (_heartbeat is not null)
            return;

        var hello = Read(payload, DiscordJson.Default.HelloData);
        if (hello is not { HeartbeatInterval: > 0 })
            throw new InvalidDataException("HELLO carries no heartbeat interval.");

        _helloTimer?.Dispose();
        var interval = TimeSpan.FromMilliseconds(hello.HeartbeatInterval);
        var jitter = _options.Random.NextDouble();
        GatewayLog.Hello(_logger, interval, HeartbeatLoop.FirstBeatDelay(interval, jitter));
        _status.Hello(interval);
        _heartbeat = new HeartbeatLoop(interval, jitter, _time.GetTimestamp(), _time, SendHeartbeatAsync, () => _receiveBlocked);
        _heartbeats = Task.Run(BeatUntilZombieAsync);

        if (_resume)
        {
            // Started before RESUME goes out, so an answer can never arrive before there is a deadline to cancel.
            _resumeDeadline = _time.CreateTimer(_ => OnResumeDeadline(), null, _options.ResumeTimeout, Timeout.InfiniteTimeSpan);
            var resume = new ResumeData { Token = _options.GatewayToken, SessionId = _session.SessionId!, Seq = _session.Sequence ?? 0 };
            await SendAsync(OutboundGatewayPayload.Resume(resume), DiscordJson.Default.OutboundGatewayPayloadResumeData, heartbeat: false, _abort.Token).ConfigureAwait(false);
        }
        else
        {
            await SendAsync(OutboundGatewayPayload.Identify(GatewayIdentify.Build(_options)), DiscordJson.Default.OutboundGatewayPayloadIdentifyData, heartbeat: false, _abort.Token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Neither RESUMED, INVALID_SESSION nor a replayed event came: the session is given up (close 1000) and
    /// a new one identified, rather than staying on a link that acknowledges heartbeats and delivers nothing.
    /// </summary>
    private void OnResumeDeadline()
    {
        if (Interlocked.CompareExchange(ref _resumeOutcome, ResumeExpired, ResumePending) != ResumePending)
            return;

        GatewayLog.ResumeUnanswered(_logger, _options.ResumeTimeout);
        End(ConnectionEnd.ResumeUnanswered(_options.ResumeTimeout));
    }

    private async Task BeatUntilZombieAsync()
    {
        try
        {
            await _heartbeat!.RunUntilZombieAsync(_heartbeatStop.Token).ConfigureAwait(false);
            GatewayLog.Zombie(_logger);
            End(new ConnectionEnd(ConnectionEndReason.Zombie, GatewayNextStep.Resume));
        }
        catch (Exception)
        {
            // Cancelled with the connection, or the socket broke: the receive loop sees the same failure and reports it.
        }
    }

    private async Task OnDispatchAsync(GatewayPayload payload, CancellationToken stopping)
    {
        var name = payload.T.GetValueOrDefault();
        var sequence = payload.S.GetValueOrDefault();

        // Any dispatch after RESUME is progress: Discord replays what was missed before it sends RESUMED.
        if (_resume && Interlocked.CompareExchange(ref _resumeOutcome, ResumeAnswered, ResumePending) == ResumePending)
            _resumeDeadline?.Dispose();

        switch (name)
        {
            case GatewayEvents.Ready:
                if (Read(payload, DiscordJson.Default.ReadyData) is { } ready)
                    OnReady(ready);

                break;
            case GatewayEvents.Resumed:
                ReachedSession = true;
                _status.SessionStarted(resumed: true);
                GatewayLog.Resumed(_logger);
                break;
            case GatewayEvents.InteractionCreate:
                if (Read(payload, DiscordJson.Default.Interaction) is { } interaction)
                {
                    try
                    {
                        await EnqueueAsync(new IncomingInteraction(interaction, _time.GetTimestamp()), stopping).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                    {
                        // Shutting down with the queue full: the sequence stays behind this interaction.
                        return;
                    }
                }

                break;
            default:
                GatewayLog.IgnoredDispatch(_logger, name, sequence);
                break;
        }

        // Counted only once handled, so a resume after a failed hand-over replays it.
        if (sequence is { } s)
            _session.Observe(s);
    }

    private void OnReady(ReadyData ready)
    {
        var resumeUri = GatewayUri.ForConnecting(ready.ResumeGatewayUrl);
        if (resumeUri is null)
        {
            GatewayLog.BadResumeUrl(_logger, ready.ResumeGatewayUrl);
            _session.Clear();
        }
        else
        {
            _session.Start(ready.SessionId, resumeUri);
        }

        ReachedSession = true;
        _status.SessionStarted(resumed: false);
        var shard = ready.Shard is { } s ? $"{s.Id}/{s.Count}" : "0/1";
        GatewayLog.Ready(_logger, ready.User.Username, ready.User.Id, shard);
    }

    private async Task EnqueueAsync(IncomingInteraction incoming, CancellationToken stopping)
    {
        if (!_queue.Writer.TryWrite(incoming))
        {
            _receiveBlocked = true;
            GatewayLog.QueueFull(_logger);
            try
            {
                await _queue.Writer.WriteAsync(incoming, stopping).ConfigureAwait(false);
            }
            finally
            {
                _receiveBlocked = false;
            }
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            using var scope = _logger.BeginScope(InteractionLogScope.For(incoming.Interaction));
            GatewayLog.InteractionQueued(_logger, incoming.Interaction.Id, incoming.Interaction.Type);
        }
    }

    private Task SendHeartbeatAsync(CancellationToken cancellationToken) =>
        SendAsync(OutboundGatewayPayload.Heartbeat(_session.Sequence), DiscordJson.Default.OutboundGatewayPayloadNullableInt32, heartbeat: true, cancellationToken);

    private async Task SendAsync<TData>(OutboundGatewayPayload<TData> payload, JsonTypeInfo<OutboundGatewayPayload<TData>> typeInfo, bool heartbeat, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, typeInfo);
        if (bytes.Length > MaxFrameBytes)
            throw new InvalidOperationException($"A gateway frame (op {(int)payload.Op}) of {bytes.Length} bytes exceeds Discord's {MaxFrameBytes}.");

        await _limiter.WaitAsync(heartbeat, cancellationToken).ConfigureAwait(false);
        await _transport.SendTextAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private TData? Read<TData>(GatewayPayload payload, JsonTypeInfo<TData> typeInfo)
    {
        try
        {
            return payload.GetData(typeInfo);
        }
        catch (JsonException exception)
        {
            GatewayLog.UnreadableFrame(_logger, (int)payload.Op, payload.T.GetValueOrDefault(), exception.Message);
            return default;
        }
    }
}
