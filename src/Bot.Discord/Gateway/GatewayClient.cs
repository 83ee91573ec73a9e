using Bot.Discord.Interactions;
using Bot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Gateway;

/// <summary>
/// Keeps one gateway connection (one shard) alive for the life of the host and puts every
/// INTERACTION_CREATE into the <see cref="InteractionQueue"/>. It resumes sessions where Discord allows,
/// identifies again where it does not, backs off on failures without ever giving up, and stops the host,
/// with one log line saying what to fix, on a close code that no reconnect can cure (bad token, shard or
/// intents). Register it with <c>services.AddDiscordGateway(configuration)</c>.
/// </summary>
public sealed class GatewayClient : BackgroundService
{
    /// <summary>The process exit code after Discord refused the configuration.</summary>
    public const int FatalExitCode = 1;

    /// <summary>Connect failures to <c>resume_gateway_url</c> in a row before giving the session up and identifying anew.</summary>
    internal const int MaxResumeConnectFailures = 3;

    private readonly DiscordOptions _options;
    private readonly Func<DiscordRestClient> _restClient;
    private readonly Func<IGatewayTransport> _transports;
    private readonly InteractionQueue _queue;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<GatewayClient> _logger;
    private readonly GatewaySession _session = new();
    private readonly GatewayStatus _status;

    /// <summary>The last sequence number handled (what the next heartbeat carries); for tests.</summary>
    internal int? LastSequence => _session.Sequence;

    /// <summary>Raised each time <see cref="LastSequence"/> is counted.</summary>
    internal event Action? SequenceObserved
    {
        add => _session.Observed += value;
        remove => _session.Observed -= value;
    }
    private readonly ReconnectBackoff _backoff;
    private Uri? _gatewayUri;
    private int _resumeConnectFailures;

    /// <param name="options">Validated settings.</param>
    /// <param name="restClient">
    /// Gives a REST client for <c>GET /gateway/bot</c>. Resolved per use: typed HttpClients are transient,
    /// and a singleton that kept one would pin its handler for the life of the process.
    /// </param>
    /// <param name="transports">A new socket per connection.</param>
    /// <param name="queue">Where interactions go.</param>
    /// <param name="time">Every delay and timestamp.</param>
    /// <param name="lifetime">Stopped on a fatal close code.</param>
    /// <param name="logger">Never given a token.</param>
    /// <param name="status">Told what happens to the link, for health probes and metrics; a private one when null.</param>
    internal GatewayClient(
        IOptions<DiscordOptions> options,
        Func<DiscordRestClient> restClient,
        Func<IGatewayTransport> transports,
        InteractionQueue queue,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        ILogger<GatewayClient> logger,
        GatewayStatus? status = null)
    {
        _options = options.Value;
        _restClient = restClient;
        _transports = transports;
        _queue = queue;
        _time = time;
        _lifetime = lifetime;
        _logger = logger;
        _status = status ?? new GatewayStatus(time);
        _backoff = new ReconnectBackoff(_options.ReconnectDelay, _options.MaxReconnectDelay, _options.Random);
    }

    /// <summary>The random wait after INVALID_SESSION (not resumable) before identifying again: [min, max], 1–5 s by default.</summary>
    internal static TimeSpan InvalidSessionDelay(DiscordOptions options) =>
        options.MinInvalidSessionDelay + ((options.MaxInvalidSessionDelay - options.MinInvalidSessionDelay) * options.Random.NextDouble());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var next = GatewayNextStep.Identify;
        var delay = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (delay > TimeSpan.Zero)
                    await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);

                (next, delay) = await ConnectOnceAsync(next, stoppingToken).ConfigureAwait(false);
                if (next is GatewayNextStep.Stop or GatewayNextStep.Shutdown)
                    return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A bug or a surprise must not end the bot's only link to Discord.
                delay = _backoff.Next();
                GatewayLog.UnexpectedFailure(_logger, delay, exception);
            }
        }
    }

    /// <summary>One connection, start to end; returns what to do next and after how long.</summary>
    private async Task<(GatewayNextStep Next, TimeSpan Delay)> ConnectOnceAsync(GatewayNextStep step, CancellationToken stoppingToken)
    {
        var resume = step == GatewayNextStep.Resume && _session.CanResume;
        var (uri, otherwise) = await ChooseUriAsync(resume, stoppingToken).ConfigureAwait(false);
        if (uri is null)
            return otherwise;

        var (end, connection) = await RunConnectionAsync(uri, resume, stoppingToken).ConfigureAwait(false);
        return NextAfter(end, connection);
    }

    /// <summary>
    /// Where this connection goes: the session's resume URL, or (the session cleared) the URL to identify on.
    /// No URL, and what to do instead, when the token was refused or the URL could not be had.
    /// </summary>
    private async Task<(Uri? Uri, (GatewayNextStep Next, TimeSpan Delay) Otherwise)> ChooseUriAsync(bool resume, CancellationToken stoppingToken)
    {
        if (resume)
            return (_session.ResumeUri!, default);

        _session.Clear();
        var (gatewayUri, fatal) = await ResolveGatewayUriAsync(stoppingToken).ConfigureAwait(false);
        if (fatal is not null)
            return (null, (Stop(fatal), TimeSpan.Zero));

        if (gatewayUri is null)
            return (null, (GatewayNextStep.Identify, _backoff.Next()));

        return (gatewayUri, default);
    }

    /// <summary>Runs one connection on a new socket until it ends, and keeps the back-off and connect-failure counts.</summary>
    private async Task<(ConnectionEnd End, GatewayConnection Connection)> RunConnectionAsync(Uri uri, bool resume, CancellationToken stoppingToken)
    {
        _status.Connecting();
        GatewayLog.Connecting(_logger, uri, resume ? "resume" : "identify");
        var transport = _transports();
        ConnectionEnd end;
        GatewayConnection connection;
        await using (transport.ConfigureAwait(false))
        {
            connection = new GatewayConnection(transport, _session, _options, _queue, _time, _logger, resume, _status);
            end = await connection.RunAsync(uri, stoppingToken).ConfigureAwait(false);
        }

        _status.Disconnected();

        if (connection.ReachedSession)
            _backoff.Reset();

        NoteConnectFailure(connection.Connected, resume);
        return (end, connection);
    }

    /// <summary>What follows the end of a connection: stop, shut down, or resume or identify after a delay (logged).</summary>
    private (GatewayNextStep Next, TimeSpan Delay) NextAfter(ConnectionEnd end, GatewayConnection connection)
    {
        switch (end.Next)
        {
            case GatewayNextStep.Shutdown:
                return (GatewayNextStep.Shutdown, TimeSpan.Zero);
            case GatewayNextStep.Stop:
                return (Stop(GatewayCloseCodes.WhatToFix(end.CloseCode ?? 0, _options)), TimeSpan.Zero);
        }

        var nextStep = end.Next;
        if (nextStep == GatewayNextStep.Resume && _resumeConnectFailures >= MaxResumeConnectFailures)
            nextStep = GatewayNextStep.Identify;

        var delay = DelayBefore(nextStep, end, connection);
        var mode = nextStep == GatewayNextStep.Resume && _session.CanResume ? "resume" : "identify";
        if (end.Reason is ConnectionEndReason.ReconnectRequested or ConnectionEndReason.InvalidSession)
        {
            // Discord asks for these routinely (op 7 comes every so often on a healthy bot): not worth a warning.
            GatewayLog.Reconnecting(_logger, end.ToString(), delay, mode);
        }
        else
        {
            GatewayLog.ConnectionLost(_logger, end.ToString(), delay, mode);
        }

        _status.Reconnecting(end.Reason, mode == "resume");
        return (nextStep, delay);
    }

    /// <summary>The wait before the next connection; identifying anew clears the session first.</summary>
    private TimeSpan DelayBefore(GatewayNextStep nextStep, ConnectionEnd end, GatewayConnection connection)
    {
        if (nextStep == GatewayNextStep.Identify)
        {
            _session.Clear();

            // Discord documents no wait any more; a short random one keeps a fleet of shards from identifying in lockstep.
            return end.Reason == ConnectionEndReason.InvalidSession
                ? Max(InvalidSessionDelay(_options), _backoff.Next())
                : _backoff.Next();
        }

        // Interactions missed meanwhile are replayed on resume, but their 3-second window keeps running: no
        // pause after a reconnect Discord asked for on a link that worked.
        return connection.ReachedSession && end.IsPlannedReconnect ? TimeSpan.Zero : _backoff.Next();
    }

    private void NoteConnectFailure(bool connected, bool resume)
    {
        if (connected)
        {
            _resumeConnectFailures = 0;
            return;
        }

        if (resume)
        {
            _resumeConnectFailures++;
        }
        else if (string.IsNullOrEmpty(_options.GatewayUrl))
        {
            // Cached from GET /gateway/bot: ask again only when it fails.
            _gatewayUri = null;
        }
    }

    /// <summary>The URL to identify on: configured, cached, or from <c>GET /gateway/bot</c>. A fatal message when the token was refused.</summary>
    private async Task<(Uri? Uri, string? Fatal)> ResolveGatewayUriAsync(CancellationToken stoppingToken)
    {
        if (!string.IsNullOrEmpty(_options.GatewayUrl))
            return (GatewayUri.ForConnecting(_options.GatewayUrl), null);

        if (_gatewayUri is not null)
            return (_gatewayUri, null);

        var result = await _restClient().GetGatewayBotAsync(stoppingToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            if (result.Error.Kind == DiscordRestErrorKind.Unauthorized)
                return (null, $"Discord rejected the bot token (HTTP 401 on GET /gateway/bot): set {DiscordOptions.EnvironmentKey(nameof(DiscordOptions.Token))} to the token from the developer portal's Bot page");

            GatewayLog.GatewayUrlFailed(_logger, result.Error.Kind.ToString(), result.Error.Message);
            return (null, null);
        }

        _gatewayUri = GatewayUri.ForConnecting(result.Value.Url);
        if (_gatewayUri is null)
            GatewayLog.BadGatewayUrl(_logger, result.Value.Url);

        return (_gatewayUri, null);
    }

    private GatewayNextStep Stop(string whatToFix)
    {
        GatewayLog.Fatal(_logger, whatToFix);
        Environment.ExitCode = FatalExitCode;
        _lifetime.StopApplication();
        return GatewayNextStep.Stop;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
