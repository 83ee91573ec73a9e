namespace Bot.Discord.Models.Gateway;

/// <summary>WebSocket close codes the gateway uses (PROTOCOL.md §4.8).</summary>
public enum GatewayCloseCode
{
    UnknownError = 4000,
    UnknownOpcode = 4001,
    DecodeError = 4002,
    NotAuthenticated = 4003,

    /// <summary>The token is wrong; do not reconnect.</summary>
    AuthenticationFailed = 4004,
    AlreadyAuthenticated = 4005,

    /// <summary>Reconnect with a new session (Identify).</summary>
    InvalidSequence = 4007,
    RateLimited = 4008,

    /// <summary>Reconnect with a new session (Identify).</summary>
    SessionTimedOut = 4009,

    /// <summary>Do not reconnect.</summary>
    InvalidShard = 4010,

    /// <summary>Do not reconnect.</summary>
    ShardingRequired = 4011,

    /// <summary>Do not reconnect.</summary>
    InvalidApiVersion = 4012,

    /// <summary>Do not reconnect.</summary>
    InvalidIntents = 4013,

    /// <summary>Privileged intent not enabled in the portal; do not reconnect.</summary>
    DisallowedIntents = 4014,
}
