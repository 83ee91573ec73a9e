using Microsoft.Extensions.Logging;

namespace Bot.Discord.Rest;

/// <summary>Log messages of the REST client. They name the operation, never the path (it can hold an interaction token) or the bot token.</summary>
public sealed partial class DiscordRestClient
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Discord {Operation} answered {Status} (try {Attempt})")]
        public static partial void Answered(ILogger logger, string operation, int status, int attempt);

        [LoggerMessage(2, LogLevel.Warning, "Discord rate limited {Operation} ({Scope}); retrying after {RetryAfter} (try {Attempt} of {MaxAttempts})")]
        public static partial void RateLimited(ILogger logger, string operation, string scope, TimeSpan retryAfter, int attempt, int maxAttempts);

        [LoggerMessage(3, LogLevel.Warning, "Discord {Operation} would wait {Wait} for a rate limit, longer than the {MaxWait} allowed; giving up")]
        public static partial void WaitTooLong(ILogger logger, string operation, TimeSpan wait, TimeSpan maxWait);

        [LoggerMessage(4, LogLevel.Warning, "Discord answered {Status} to {Operation}; retrying in {Delay} (try {Attempt} of {MaxAttempts})")]
        public static partial void ServerBusy(ILogger logger, string operation, int status, TimeSpan delay, int attempt, int maxAttempts);

        [LoggerMessage(5, LogLevel.Warning, "No answer from Discord to {Operation} ({Reason}); retrying in {Delay} (try {Attempt} of {MaxAttempts})")]
        public static partial void NoAnswer(ILogger logger, string operation, string reason, TimeSpan delay, int attempt, int maxAttempts);

        [LoggerMessage(6, LogLevel.Error, "Discord {Operation} failed after {Attempts} tries ({Reason})")]
        public static partial void GaveUp(ILogger logger, string operation, int attempts, string reason);

        [LoggerMessage(7, LogLevel.Error, "Discord rejected the bot token (401) on {Operation}; calls that need it now fail without reaching Discord. Check Discord:Token")]
        public static partial void TokenRejected(ILogger logger, string operation);

        [LoggerMessage(8, LogLevel.Debug, "Discord {Operation} failed: {Kind} (HTTP {Status}, code {Code}): {Message}")]
        public static partial void Failed(ILogger logger, string operation, DiscordRestErrorKind kind, int status, int? code, string message);

        [LoggerMessage(9, LogLevel.Warning, "Discord's answer to {Operation} could not be read: {Reason}")]
        public static partial void UnreadableResponse(ILogger logger, string operation, string reason);
    }
}
