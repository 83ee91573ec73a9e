using Bot.Discord.Models.Interactions;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Http;

/// <summary>The endpoint's log messages: refusals counted and reported at most once a minute, the rest one line each.</summary>
public sealed partial class InteractionsEndpoint
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Refused {Count} interaction request(s) with 401 since the last report, at most one a minute (the latest from {Remote}: {Reason})")]
        public static partial void Rejected(ILogger logger, long count, RequestRejection reason, string? remote);

        [LoggerMessage(2, LogLevel.Information, "Refused {Count} interaction request(s) with 413 since the last report, at most one a minute (the latest: body of {DeclaredLength} bytes, over the {MaxBodyBytes} allowed by Discord:MaxBodyBytes)")]
        public static partial void TooLarge(ILogger logger, long count, long? declaredLength, int maxBodyBytes);

        [LoggerMessage(3, LogLevel.Debug, "Could not read an interaction request's body (HTTP {Status})")]
        public static partial void BodyUnreadable(ILogger logger, int? status);

        [LoggerMessage(4, LogLevel.Warning, "A correctly signed interaction request is not an interaction ({Error} at {Path}, line {Line}, byte {Position}); answered 400")]
        public static partial void Unparseable(ILogger logger, string error, string? path, long? line, long? position);

        [LoggerMessage(5, LogLevel.Warning, "A correctly signed {Type} interaction has no id or no token; answered 400")]
        public static partial void Unanswerable(ILogger logger, InteractionType type);

        [LoggerMessage(6, LogLevel.Debug, "Answered Discord's PING")]
        public static partial void Ponged(ILogger logger);

        [LoggerMessage(7, LogLevel.Debug, "Interaction {InteractionId}: initial response {CallbackType} written after {Elapsed} (delivered: {Delivered})")]
        public static partial void Answered(ILogger logger, ulong interactionId, InteractionCallbackType callbackType, TimeSpan elapsed, bool delivered);

        [LoggerMessage(8, LogLevel.Warning, "Interaction {InteractionId} ({Type}): no initial response after {Elapsed}; answered 503")]
        public static partial void NoInitialResponse(ILogger logger, ulong interactionId, InteractionType type, TimeSpan elapsed);

        [LoggerMessage(9, LogLevel.Error, "Interaction {InteractionId}: initial response {CallbackType} could not be serialized; answered 503")]
        public static partial void ResponseUnwritable(ILogger logger, ulong interactionId, InteractionCallbackType callbackType, Exception exception);

        [LoggerMessage(10, LogLevel.Debug, "Interaction {InteractionId}: Discord closed the request before the initial response was written")]
        public static partial void CallerGone(ILogger logger, ulong interactionId);

        [LoggerMessage(11, LogLevel.Error, "Interaction {InteractionId}: the dispatcher failed")]
        public static partial void DispatchFailed(ILogger logger, ulong interactionId, Exception exception);
    }
}
