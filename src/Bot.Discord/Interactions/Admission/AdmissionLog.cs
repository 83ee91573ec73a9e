using Microsoft.Extensions.Logging;

namespace Bot.Discord.Interactions.Admission;

/// <summary>
/// Log messages of admission. Under overload there is one line per interaction only at Debug; at Warning
/// a summary at most once per <see cref="InteractionAdmission.ReportInterval"/>, so a flood cannot fill the disk.
/// Interactions are named by id and command, never by token.
/// </summary>
internal static partial class AdmissionLog
{
    [LoggerMessage(101, LogLevel.Debug, "Interaction {InteractionId} ({Command}) refused as busy ({Decision}): its answer was expected after {Estimate}")]
    public static partial void Busy(ILogger logger, ulong interactionId, string command, AdmissionDecision decision, TimeSpan estimate);

    [LoggerMessage(102, LogLevel.Debug, "Interaction {InteractionId} ({Command}) deferred on arrival: its answer is expected after {Estimate}")]
    public static partial void DeferredAtOnce(ILogger logger, ulong interactionId, string command, TimeSpan estimate);

    [LoggerMessage(103, LogLevel.Warning, "Interaction {InteractionId} ({Command}) could not be acknowledged before Discord's 3-second window passed ({Elapsed} after it arrived); dropped without answering")]
    public static partial void Expired(ILogger logger, ulong interactionId, string command, TimeSpan elapsed);

    [LoggerMessage(104, LogLevel.Warning,
        "Overloaded: in the last {Period}, {Busy} interactions were told the bot is busy, {DeferredAtOnce} deferred on arrival and {Expired} dropped past their window; {Waiting} wait for a handler, which takes {ServiceTime} on average")]
    public static partial void Overloaded(ILogger logger, TimeSpan period, long busy, long deferredAtOnce, long expired, int waiting, TimeSpan serviceTime);
}
