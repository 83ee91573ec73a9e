using Bot.Discord.Models.Interactions;
using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Interactions;

/// <summary>
/// Log messages of the dispatcher and its parts. They name the interaction by id and command (or
/// custom id), never by its token: the token is the credential for answering it. At Information an
/// answered interaction is one line (<see cref="Answered"/>); what happened on the way (deferrals)
/// is at Debug, and trouble is a warning or an error.
/// </summary>
internal static partial class DispatchLog
{
    [LoggerMessage(1, LogLevel.Warning, "Interaction {InteractionId} ({Command}) was picked up {Age} after it arrived, past Discord's 3-second window; dropped without answering")]
    public static partial void Stale(ILogger logger, ulong interactionId, string command, TimeSpan age);

    [LoggerMessage(2, LogLevel.Error, "Answering interaction {InteractionId} ({Command}) failed; the user is asked to try again")]
    public static partial void HandlerFailed(ILogger logger, ulong interactionId, string command, Exception exception);

    [LoggerMessage(3, LogLevel.Error, "Interaction {InteractionId} ({Command}) was still being answered after {Limit}; stopped, the user is asked to try again")]
    public static partial void HandlerTimedOut(ILogger logger, ulong interactionId, string command, TimeSpan limit);

    [LoggerMessage(4, LogLevel.Warning, "Initial response {CallbackType} to interaction {InteractionId} ({Command}) failed: {Kind} (HTTP {Status}, code {Code}): {Message}")]
    public static partial void InitialResponseFailed(
        ILogger logger, InteractionCallbackType callbackType, ulong interactionId, string command, DiscordRestErrorKind kind, int? status, int? code, string message);

    [LoggerMessage(5, LogLevel.Warning, "Interaction {InteractionId} ({Command}): {Action} failed: {Kind} (HTTP {Status}, code {Code}): {Message}")]
    public static partial void FollowUpFailed(
        ILogger logger, string action, ulong interactionId, string command, DiscordRestErrorKind kind, int? status, int? code, string message);

    [LoggerMessage(6, LogLevel.Warning, "Interaction {InteractionId} ({Command}) cannot be deferred and its answer was not ready within Discord's 3-second window ({Elapsed}); dropped")]
    public static partial void TooLateToAnswer(ILogger logger, ulong interactionId, string command, TimeSpan elapsed);

    [LoggerMessage(7, LogLevel.Debug, "Interaction {InteractionId} ({Command}) deferred with {CallbackType} after {Elapsed}")]
    public static partial void Deferred(ILogger logger, ulong interactionId, string command, InteractionCallbackType callbackType, TimeSpan elapsed);

    [LoggerMessage(8, LogLevel.Information, "Interaction {InteractionId} ({Command}) answered (initial response {CallbackType}) after {Elapsed}")]
    public static partial void Answered(ILogger logger, ulong interactionId, string command, InteractionCallbackType callbackType, TimeSpan elapsed);

    [LoggerMessage(9, LogLevel.Error, "Interaction {InteractionId} ({Command}) carries no application id and none is configured (Discord:ApplicationId); its response cannot be edited or followed up")]
    public static partial void NoApplicationId(ILogger logger, ulong interactionId, string command);

    [LoggerMessage(10, LogLevel.Error, "Interaction {InteractionId} ({Command}) was deferred, but its handler answered with {Kind}, which cannot follow a deferral")]
    public static partial void ReplyCannotFollowDeferral(ILogger logger, ulong interactionId, string command, InteractionReplyKind kind);

    [LoggerMessage(11, LogLevel.Error, "A second initial response {CallbackType} to interaction {InteractionId} ({Command}) was refused: {Begun} was already begun")]
    public static partial void SecondInitialResponse(ILogger logger, ulong interactionId, string command, InteractionCallbackType callbackType, InteractionCallbackType begun);

    [LoggerMessage(12, LogLevel.Warning, "The {Action} of interaction {InteractionId} ({Command}) failed ({Kind}, HTTP {Status}); trying once more")]
    public static partial void Retrying(ILogger logger, string action, ulong interactionId, string command, DiscordRestErrorKind kind, int? status);

    [LoggerMessage(13, LogLevel.Error, "The initial responder threw for interaction {InteractionId} ({Command})")]
    public static partial void ResponderThrew(ILogger logger, ulong interactionId, string command, Exception exception);

    [LoggerMessage(14, LogLevel.Error, "Dispatching interaction {InteractionId} ({Command}) failed unexpectedly")]
    public static partial void DispatchFailed(ILogger logger, ulong interactionId, string command, Exception exception);

    [LoggerMessage(15, LogLevel.Error, "The work after the reply to interaction {InteractionId} ({Command}) failed")]
    public static partial void AfterSentFailed(ILogger logger, ulong interactionId, string command, Exception exception);

    [LoggerMessage(16, LogLevel.Warning, "Interaction {InteractionId} ({Command}) was answered, but Discord did not return the message; the work after the reply is skipped")]
    public static partial void DeliveredMessageUnknown(ILogger logger, ulong interactionId, string command);

    [LoggerMessage(17, LogLevel.Debug, "Interaction {InteractionId} ({Command}) done: {Outcome}")]
    public static partial void Done(ILogger logger, ulong interactionId, string command, InteractionOutcome? outcome);

    [LoggerMessage(18, LogLevel.Debug, "Interaction {InteractionId} ({Command}): the work after its reply is done")]
    public static partial void AfterSentDone(ILogger logger, ulong interactionId, string command);
}
