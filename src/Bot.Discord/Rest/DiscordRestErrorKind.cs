namespace Bot.Discord.Rest;

/// <summary>Why a REST call failed. Expected failures are outcomes, not exceptions.</summary>
public enum DiscordRestErrorKind
{
    /// <summary>10062: the interaction token is unknown or expired (the 3-second window passed).</summary>
    UnknownInteraction,

    /// <summary>40060: the interaction already had its initial response.</summary>
    AlreadyAcknowledged,

    /// <summary>50013: the bot lacks a permission for this action.</summary>
    MissingPermissions,

    /// <summary>50001: the bot cannot see the channel or guild.</summary>
    MissingAccess,

    /// <summary>404 other than 10062 (unknown channel, message, webhook…; <see cref="DiscordRestError.Code"/> says which).</summary>
    NotFound,

    /// <summary>401: the bot token was rejected. Further bot-token calls fail at once without reaching Discord.</summary>
    Unauthorized,

    /// <summary>50035: Discord rejected the body; <see cref="DiscordRestError.Errors"/> mirrors the request.</summary>
    InvalidFormBody,

    /// <summary>The wait Discord asked for (or an empty bucket's reset) is longer than <see cref="DiscordOptions.MaxRateLimitWait"/>.</summary>
    RateLimitedTooLong,

    /// <summary>Still rate limited (429) after <see cref="DiscordOptions.MaxAttempts"/> tries.</summary>
    RetriesExhausted,

    /// <summary>5xx: 502/503/504 still failing after the retries, or another 5xx (not retried).</summary>
    ServerError,

    /// <summary>
    /// No HTTP answer (connection refused, reset, timed out). Retried when the request never left or repeating
    /// it is harmless; a POST that may have reached Discord is not sent twice.
    /// </summary>
    Unreachable,

    /// <summary>A 2xx whose body could not be read as the expected JSON.</summary>
    InvalidResponse,

    /// <summary>Any other 4xx; <see cref="DiscordRestError.Code"/> and <see cref="DiscordRestError.Message"/> carry Discord's words.</summary>
    Other,
}
