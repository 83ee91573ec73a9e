using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.Discord.Local.Gateway;

/// <summary>One client connection to the local gateway: what it sent, what it was sent, and how it ended.</summary>
public sealed class LocalGatewayConnection
{
    /// <summary>Discord closes a connection whose frame is larger (4002).</summary>
    public const int MaxClientFrameBytes = 4096;

    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Lock _lock = new();
    private readonly List<GatewayFrame> _received = [];
    private readonly List<GatewayFrame> _sent = [];
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly Action _changed;

    /// <param name="changed">Called whenever what a test can observe of this connection changes (frames, close, end).</param>
    internal LocalGatewayConnection(int index, HttpContext context, WebSocket socket, TimeProvider time, Action changed)
    {
        _changed = changed;
        Index = index;
        _context = context;
        _socket = socket;
        _time = time;
        Path = context.Request.Path.Value ?? "";
        Query = context.Request.QueryString.Value ?? "";
        UserAgent = context.Request.Headers.UserAgent.ToString();
    }

    /// <summary>0 for the first connection to this gateway, then 1, 2…</summary>
    public int Index { get; }

    /// <summary><see cref="LocalGateway.Path"/> or <see cref="LocalGateway.ResumePath"/>.</summary>
    public string Path { get; }

    /// <summary>With its <c>?</c>.</summary>
    public string Query { get; }

    public string UserAgent { get; }

    /// <summary>False once a test called <see cref="LocalGateway.StopAckingHeartbeats"/>: heartbeats go unanswered.</summary>
    public bool AcksHeartbeats { get; internal set; } = true;

    /// <summary>The code of the client's close frame, when it sent one (first or in answer to ours).</summary>
    public int? ClientCloseCode { get; private set; }

    /// <summary>When the client's close frame arrived (server time).</summary>
    public DateTimeOffset? ClientClosedAt { get; private set; }

    /// <summary>True when the client closed first.</summary>
    public bool ClosedByClient { get; private set; }

    /// <summary>The code the server closed with, when it did.</summary>
    public int? ServerCloseCode { get; private set; }

    /// <summary>The link broke without a closing handshake.</summary>
    public bool Dropped { get; private set; }

    /// <summary>When a test dropped the link (server time), before the client could notice.</summary>
    public DateTimeOffset? AbortedAt { get; private set; }

    /// <summary>Completes when the connection is over.</summary>
    public Task Ended => _ended.Task;

    public bool IsOpen => !_ended.Task.IsCompleted;

    internal LocalGatewaySession? Session { get; set; }

    /// <summary>When set, every message goes out in WebSocket frames of at most this many bytes.</summary>
    internal int? FragmentBytes { get; init; }

    public IReadOnlyList<GatewayFrame> Received
    {
        get
        {
            lock (_lock)
            {
                return _received.ToArray();
            }
        }
    }

    public IReadOnlyList<GatewayFrame> Sent
    {
        get
        {
            lock (_lock)
            {
                return _sent.ToArray();
            }
        }
    }

    /// <summary>Received frames with this opcode.</summary>
    public IReadOnlyList<GatewayFrame> ReceivedOp(int op) => Received.Where(frame => frame.Op == op).ToArray();

    public override string ToString() =>
        $"#{Index} {Path}{Query} received [{string.Join(", ", Received.Select(f => f.Op))}] sent [{string.Join(", ", Sent.Select(f => f.T ?? f.Op.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]"
        + $" client close {ClientCloseCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} server close {ServerCloseCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}{(Dropped ? " dropped" : "")}";

    internal async Task SendAsync(JsonNode frame)
    {
        var json = frame.ToJsonString();
        await _sendLock.WaitAsync();
        try
        {
            if (_socket.State != WebSocketState.Open)
                throw new WebSocketException(WebSocketError.InvalidState, "The connection is closing.");

            var bytes = Encoding.UTF8.GetBytes(json);
            var fragment = FragmentBytes is > 0 and var size ? size : bytes.Length;
            for (var offset = 0; offset < bytes.Length || offset == 0; offset += fragment)
            {
                var count = Math.Min(fragment, bytes.Length - offset);
                var last = offset + count >= bytes.Length;
                await _socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, last, CancellationToken.None);
                if (last)
                    break;
            }

            lock (_lock)
            {
                _sent.Add(new GatewayFrame((int?)frame["op"] ?? -1, json, _time.GetUtcNow()));
            }

            _changed();
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next whole message: its text, or null for the client's close (or a frame too large, closed with 4002).</summary>
    internal async Task<string?> ReceiveAsync()
    {
        var buffer = new byte[MaxClientFrameBytes + 1];
        var length = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                ClientCloseCode = _socket.CloseStatus is { } status && status != WebSocketCloseStatus.Empty ? (int)status : null;
                ClientClosedAt = _time.GetUtcNow();
                ClosedByClient = ServerCloseCode is null;
                _changed();
                return null;
            }

            length += result.Count;
            if (length > MaxClientFrameBytes)
            {
                await CloseAsync(4002, "Error while decoding payload.");
                return null;
            }

            if (result.EndOfMessage)
            {
                var text = Encoding.UTF8.GetString(buffer, 0, length);
                lock (_lock)
                {
                    _received.Add(new GatewayFrame(OpOf(text), text, _time.GetUtcNow()));
                }

                _changed();

                return text;
            }
        }
    }

    /// <summary>Starts the closing handshake (server side) or answers the client's close.</summary>
    internal async Task CloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                ServerCloseCode ??= ClosedByClient ? null : code;
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or IOException)
        {
            // The client answered so fast that the request ended while this call was still finishing: the close went out.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Drops the TCP connection, as a network failure would.</summary>
    internal void Abort()
    {
        Dropped = true;
        AbortedAt = _time.GetUtcNow();
        _context.Abort();
    }

    /// <summary>Frames received in the last <paramref name="window"/>, this one included.</summary>
    internal int ReceivedWithin(TimeSpan window)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            return _received.Count(frame => now - frame.At < window);
        }
    }

    internal void MarkDropped() => Dropped = true;

    internal void MarkEnded()
    {
        _ended.TrySetResult();
        _changed();
    }

    private static int OpOf(string text)
    {
        try
        {
            return (int?)JsonNode.Parse(text)?["op"] ?? -1;
        }
        catch (Exception)
        {
            return -1;
        }
    }
}
