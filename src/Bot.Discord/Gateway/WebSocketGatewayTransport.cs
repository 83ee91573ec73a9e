using System.Net.WebSockets;

namespace Bot.Discord.Gateway;

/// <summary><see cref="IGatewayTransport"/> on <see cref="ClientWebSocket"/>.</summary>
public sealed class WebSocketGatewayTransport : IGatewayTransport
{
    private readonly ClientWebSocket _socket = new();

    // ClientWebSocket allows one send at a time; heartbeats, replies and the close frame come from different tasks.
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private byte[] _buffer = new byte[16 * 1024];

    public WebSocketGatewayTransport(string userAgent)
    {
        // ClientWebSocket sends no User-Agent unless told, and a Discord-compatible server may refuse the handshake without one.
        _socket.Options.SetRequestHeader("User-Agent", userAgent);
    }

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) => _socket.ConnectAsync(uri, cancellationToken);

    public async Task SendTextAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task<GatewayTransportMessage> ReceiveAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length)
                Array.Resize(ref _buffer, _buffer.Length * 2);

            var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                var code = _socket.CloseStatus is { } status && status != WebSocketCloseStatus.Empty ? (int)status : (int?)null;
                return GatewayTransportMessage.Closed(code, _socket.CloseStatusDescription);
            }

            length += result.Count;
            if (result.EndOfMessage)
                return GatewayTransportMessage.Message(_buffer.AsMemory(0, length));
        }
    }

    public async Task CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Abort() => _socket.Abort();

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        _sendLock.Dispose();
        return ValueTask.CompletedTask;
    }
}
