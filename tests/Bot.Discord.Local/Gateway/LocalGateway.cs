using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Bot.Testing;

namespace Bot.Discord.Local.Gateway;

/// <summary>
/// The gateway half of the local Discord: a WebSocket endpoint on the same Kestrel app that speaks the
/// real protocol. HELLO, IDENTIFY (token checked: 4004) → READY, RESUME (known session → missed
/// dispatches replayed, then RESUMED; unknown → INVALID_SESSION false), heartbeats ACKed, dispatches
/// numbered. Tests script it (dispatch an interaction, stop ACKing, op 7, op 9, close, drop the link, leave
/// RESUME unanswered: <see cref="ResumeReply"/>) and
/// read what each connection sent. Frames the client sends are checked against the documented samples.
/// </summary>
public sealed partial class LocalGateway
{
    public const string Path = "/gateway";

    /// <summary>Where READY's <c>resume_gateway_url</c> points, so tests can tell a resume from a fresh connect.</summary>
    public const string ResumePath = "/gateway/resume";

    /// <summary>Discord's outbound budget per connection.</summary>
    public const int FramesPerMinute = 120;

    private readonly string _token;
    private readonly TimeProvider _time;

    // Orders session changes and dispatch sends, so a replay never interleaves with a live dispatch.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private readonly List<LocalGatewayConnection> _connections = [];
    private readonly ChangeSignal _changes = new();
    private readonly Dictionary<string, LocalGatewaySession> _sessions = new(StringComparer.Ordinal);
    private readonly List<string> _protocolErrors = [];
    private LocalGatewaySession? _current;
    private readonly List<(string Path, DateTimeOffset At)> _rejected = [];
    private int _identifies;
    private int _resumes;
    private int _rejectNext;

    internal LocalGateway(string token, TimeProvider time)
    {
        _token = token;
        _time = time;
    }

    /// <summary><c>ws://127.0.0.1:port/gateway</c>, what <c>GET /gateway/bot</c> answers.</summary>
    public string Url { get; private set; } = "";

    /// <summary>READY's <c>resume_gateway_url</c>.</summary>
    public string ResumeUrl { get; private set; } = "";

    /// <summary>HELLO's <c>heartbeat_interval</c> for connections opened from now on; Discord's is about 41 s.</summary>
    public int HeartbeatIntervalMs { get; set; } = 41250;

    /// <summary>How RESUMEs are answered from now on (a valid session's; an unknown one always gets INVALID_SESSION).</summary>
    public ResumeReply ResumeReply { get; set; } = ResumeReply.Answer;

    /// <summary>When set, connections opened from now on send each message in frames of at most this many bytes.</summary>
    public int? FragmentFramesAt { get; set; }

    /// <summary>
    /// Runs when the client's close frame arrives, before the server answers it (a client waits for that answer
    /// before reconnecting): what it dispatches happens while the client is away.
    /// </summary>
    public Func<LocalGatewayConnection, Task>? OnClientClose { get; set; }

    /// <summary>Handshakes refused (503) so far: where the client tried, and when (server time).</summary>
    public IReadOnlyList<(string Path, DateTimeOffset At)> RejectedHandshakes
    {
        get
        {
            lock (_lock)
            {
                return _rejected.ToArray();
            }
        }
    }

    public IReadOnlyList<LocalGatewayConnection> Connections
    {
        get
        {
            lock (_lock)
            {
                return _connections.ToArray();
            }
        }
    }

    public int ConnectionCount => Connections.Count;

    public int IdentifyCount => Volatile.Read(ref _identifies);

    public int ResumeCount => Volatile.Read(ref _resumes);

    /// <summary>Frames that did not match the documented shapes, and other protocol mistakes by the client.</summary>
    public IReadOnlyList<string> ProtocolErrors
    {
        get
        {
            lock (_lock)
            {
                return _protocolErrors.ToArray();
            }
        }
    }

    /// <summary>The newest connection still open; scripted actions apply to it.</summary>
    public LocalGatewayConnection Current =>
        Connections.LastOrDefault(connection => connection.IsOpen) ?? throw new InvalidOperationException("No client is connected to the local gateway.");

    /// <summary>The session of the latest READY, while it is valid.</summary>
    public string? CurrentSessionId
    {
        get
        {
            lock (_lock)
            {
                return _current?.Id;
            }
        }
    }

    /// <summary>
    /// Sends INTERACTION_CREATE with <paramref name="interactionJson"/> as <c>d</c> to the current session: at
    /// once when its client is connected, else kept, and replayed when the client resumes. Returns its <c>s</c>.
    /// </summary>
    public async Task<int> DispatchInteractionAsync(string interactionJson)
    {
        var data = JsonNode.Parse(interactionJson) ?? throw new ArgumentException("Not JSON.", nameof(interactionJson));
        await _gate.WaitAsync();
        try
        {
            var session = CurrentSession() ?? throw new InvalidOperationException("No valid session: the client has not identified, or its session was invalidated.");
            var sequence = ++session.Sequence;
            var frame = Dispatch("INTERACTION_CREATE", data, sequence);
            session.Events.Add((sequence, frame.ToJsonString()));
            if (session.Live is { } live)
                await TrySendAsync(live, frame);

            return sequence;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// False: no connection, open or opened later, answers heartbeats: a gateway that has stopped
    /// acknowledging, which reconnecting does not cure. True again: ACKs resume.
    /// </summary>
    public bool AcksHeartbeats { get; set; } = true;

    private volatile TaskCompletionSource? _readyHold;

    /// <summary>Holds the READY of every IDENTIFY from now on until <see cref="ReleaseReady"/> (heartbeats are still acknowledged).</summary>
    public void HoldReady() => _readyHold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Sends the READYs held by <see cref="HoldReady"/>, and answers later IDENTIFYs at once again.</summary>
    public void ReleaseReady() => Interlocked.Exchange(ref _readyHold, null)?.TrySetResult();

    /// <summary>The current connection stops answering heartbeats (the link looks dead to the client).</summary>
    public void StopAckingHeartbeats() => Current.AcksHeartbeats = false;

    /// <summary>Op 7: the client should reconnect and resume.</summary>
    public Task SendReconnectAsync() => Current.SendAsync(new JsonObject { ["op"] = 7, ["d"] = null });

    /// <summary>Op 1 from the server: the client should heartbeat at once.</summary>
    public Task RequestHeartbeatAsync() => Current.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });

    /// <summary>Op 9. Not resumable: the session is forgotten, so only a new IDENTIFY helps.</summary>
    public async Task SendInvalidSessionAsync(bool resumable)
    {
        var connection = Current;
        await _gate.WaitAsync();
        try
        {
            if (!resumable && connection.Session is { } session)
                Invalidate(session);

            await connection.SendAsync(new JsonObject { ["op"] = 9, ["d"] = resumable });
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the current connection with <paramref name="code"/>; 4007 and 4009 also end its session.</summary>
    public async Task CloseAsync(int code, string reason = "")
    {
        var connection = Current;
        if (code is 4007 or 4009 && connection.Session is { } session)
        {
            await _gate.WaitAsync();
            try
            {
                Invalidate(session);
            }
            finally
            {
                _gate.Release();
            }
        }

        await connection.CloseAsync(code, reason);
    }

    /// <summary>Drops the current connection's TCP link without a closing handshake; the session stays resumable.</summary>
    public void Abort() => Current.Abort();

    /// <summary>The next <paramref name="count"/> WebSocket handshakes are refused with 503, as an overloaded gateway would.</summary>
    public void RejectNextHandshakes(int count)
    {
        lock (_lock)
        {
            _rejectNext = count;
        }
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, re-checking it whenever the gateway's state
    /// changes (a connection, a frame sent or received, an identify, a resume, a close), bounded by
    /// <paramref name="timeout"/> (10 s by default).
    /// </summary>
    public Task WaitForAsync(Func<LocalGateway, bool> condition, string what, TimeSpan? timeout = null) =>
        _changes.WaitUntilAsync(
            () => condition(this),
            timeout ?? TimeSpan.FromSeconds(10),
            () => $"Timed out waiting for {what}. Connections:\n{string.Join("\n", Connections)}\nProtocol errors: {string.Join("; ", ProtocolErrors)}");

    /// <summary>Wakes <see cref="WaitForAsync"/>'s waiters: called wherever the gateway's state changes.</summary>
    internal void Changed() => _changes.Notify();

    /// <summary>Raised on every frame a client sends and every change of a session or connection.</summary>
    public event Action? StateChanged
    {
        add => _changes.Notified += value;
        remove => _changes.Notified -= value;
    }

    internal static bool Handles(PathString path) => path == Path || path == ResumePath;

    internal void Listen(string httpRoot)
    {
        var root = "ws" + httpRoot[httpRoot.IndexOf(':', StringComparison.Ordinal)..];
        Url = root + Path;
        ResumeUrl = root + ResumePath;
    }

    /// <summary><c>GET /gateway/bot</c>'s fixture answer, pointing to this gateway.</summary>
    internal string PointToSelf(string gatewayBotJson)
    {
        var body = JsonNode.Parse(gatewayBotJson)!;
        body["url"] = Url;
        return body.ToJsonString();
    }

    private LocalGatewaySession? CurrentSession()
    {
        lock (_lock)
        {
            return _current is { Invalidated: false } session ? session : null;
        }
    }

    private void Invalidate(LocalGatewaySession session)
    {
        lock (_lock)
        {
            session.Invalidated = true;
            _sessions.Remove(session.Id);
            if (_current == session)
                _current = null;
        }
    }

    private void ProtocolError(LocalGatewayConnection connection, string problem)
    {
        lock (_lock)
        {
            _protocolErrors.Add($"connection #{connection.Index.ToString(CultureInfo.InvariantCulture)}: {problem}");
        }

        Changed();
    }

    private static async Task TrySendAsync(LocalGatewayConnection connection, JsonNode frame)
    {
        try
        {
            await connection.SendAsync(frame);
        }
        catch (Exception)
        {
            // The client is going away; whatever it missed is replayed if it resumes.
        }
    }

    private static JsonObject Dispatch(string name, JsonNode? data, int sequence) =>
        new() { ["op"] = 0, ["d"] = data, ["s"] = sequence, ["t"] = name };
}
