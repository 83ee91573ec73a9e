namespace Bot.Discord.Gateway;

/// <summary>Where the gateway client's link stands, as <see cref="GatewayStatus"/> reports it.</summary>
public enum GatewaySessionState
{
    /// <summary>No connection yet, or between connections.</summary>
    Disconnected,

    /// <summary>Connecting, identifying or resuming: interactions cannot arrive yet.</summary>
    Connecting,

    /// <summary>READY arrived: a new session delivers interactions.</summary>
    Ready,

    /// <summary>RESUMED arrived: the session goes on, missed interactions replayed.</summary>
    Resumed,
}
