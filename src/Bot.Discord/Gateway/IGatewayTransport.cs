namespace Bot.Discord.Gateway;

/// <summary>
/// One gateway connection's socket, reduced to what the protocol needs: whole text messages in and
/// out, and close codes. A transport is used for one connection only.
/// </summary>
public interface IGatewayTransport : IAsyncDisposable
{
    Task ConnectAsync(Uri uri, CancellationToken cancellationToken);

    /// <summary>Sends one whole message. Safe to call from several tasks at once (heartbeats race the receive loop's replies).</summary>
    Task SendTextAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken);

    /// <summary>
    /// The next whole message, however many frames it spans, or the peer's close. A text message's bytes
    /// stay valid until the next call. Only one receive at a time.
    /// </summary>
    Task<GatewayTransportMessage> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends a close frame with <paramref name="code"/> (or answers the peer's close); the peer's answer
    /// then arrives through <see cref="ReceiveAsync"/>. Does nothing once the socket is closed or dropped.
    /// </summary>
    Task CloseAsync(int code, string reason, CancellationToken cancellationToken);

    /// <summary>Drops the connection at once, without a closing handshake.</summary>
    void Abort();
}

/// <summary>What <see cref="IGatewayTransport.ReceiveAsync"/> returns: a text message, or the peer's close.</summary>
public readonly record struct GatewayTransportMessage
{
    public ReadOnlyMemory<byte> Text { get; private init; }

    public bool IsClose { get; private init; }

    /// <summary>The peer's close code; null when its close frame carried none.</summary>
    public int? CloseCode { get; private init; }

    public string? CloseReason { get; private init; }

    public static GatewayTransportMessage Message(ReadOnlyMemory<byte> text) => new() { Text = text };

    public static GatewayTransportMessage Closed(int? code, string? reason) => new() { IsClose = true, CloseCode = code, CloseReason = reason };
}
