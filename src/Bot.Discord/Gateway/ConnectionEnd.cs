namespace Bot.Discord.Gateway;

/// <summary>Why a gateway connection ended.</summary>
internal enum ConnectionEndReason
{
    Shutdown,

    /// <summary>Discord sent a close frame; <see cref="ConnectionEnd.CloseCode"/> says which.</summary>
    ClosedByDiscord,

    /// <summary>The link failed: refused, reset, or a broken frame.</summary>
    Dropped,

    /// <summary>Op 7.</summary>
    ReconnectRequested,

    /// <summary>Op 9.</summary>
    InvalidSession,

    /// <summary>No heartbeat ACK between two beats.</summary>
    Zombie,

    /// <summary>Connected, but no HELLO came.</summary>
    NoHello,

    /// <summary>RESUME got neither RESUMED, INVALID_SESSION nor a replayed event within <c>Discord:ResumeTimeout</c>.</summary>
    ResumeUnanswered,
}

/// <summary>How a connection ended and what the client does next.</summary>
internal sealed record ConnectionEnd(ConnectionEndReason Reason, GatewayNextStep Next)
{
    public int? CloseCode { get; init; }

    /// <summary>Close reason or error text; never holds the token.</summary>
    public string? Detail { get; init; }

    /// <summary>Ends Discord asked for, or our zombie verdict, on a link that is otherwise fine: reconnecting at once is safe.</summary>
    public bool IsPlannedReconnect => Reason is ConnectionEndReason.ReconnectRequested or ConnectionEndReason.InvalidSession or ConnectionEndReason.Zombie;

    public static ConnectionEnd Shutdown { get; } = new(ConnectionEndReason.Shutdown, GatewayNextStep.Shutdown);

    public static ConnectionEnd ClosedByDiscord(int? code, string? reason) =>
        new(ConnectionEndReason.ClosedByDiscord, GatewayCloseCodes.NextStep(code)) { CloseCode = code, Detail = reason };

    public static ConnectionEnd Dropped(string detail) => new(ConnectionEndReason.Dropped, GatewayNextStep.Resume) { Detail = detail };

    /// <summary>A session the server will not resume nor refuse is given up: identify anew.</summary>
    public static ConnectionEnd ResumeUnanswered(TimeSpan timeout) =>
        new(ConnectionEndReason.ResumeUnanswered, GatewayNextStep.Identify) { Detail = timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>
    /// The code our close frame carries: 1000 when the session is over for us (shutdown, or a new session
    /// next), so Discord ends it too; otherwise one that keeps it resumable.
    /// </summary>
    public int ClientCloseCode => Next is GatewayNextStep.Shutdown or GatewayNextStep.Identify ? GatewayCloseCodes.Normal : GatewayCloseCodes.Reconnecting;

    public override string ToString() => Reason switch
    {
        ConnectionEndReason.ClosedByDiscord => $"Discord closed it with {CloseCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no code"}{(string.IsNullOrEmpty(Detail) ? "" : " (" + Detail + ")")}",
        ConnectionEndReason.Dropped => $"the connection failed: {Detail}",
        ConnectionEndReason.ReconnectRequested => "Discord asked for a reconnect (op 7)",
        ConnectionEndReason.InvalidSession => Next == GatewayNextStep.Resume ? "Discord invalidated the session, resumable (op 9)" : "Discord invalidated the session (op 9)",
        ConnectionEndReason.Zombie => "no heartbeat ACK since the previous heartbeat",
        ConnectionEndReason.NoHello => "Discord sent no HELLO",
        ConnectionEndReason.ResumeUnanswered => $"no answer to RESUME within {Detail} (neither RESUMED, INVALID_SESSION nor a replayed event)",
        _ => "shutdown",
    };
}
