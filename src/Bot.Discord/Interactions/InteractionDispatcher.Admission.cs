using Bot.Discord.Interactions.Admission;
using Bot.Discord.Interactions.Policy;
using Bot.Discord.Models.Interactions;

namespace Bot.Discord.Interactions;

/// <summary>The dispatcher's side of <see cref="InteractionAdmission"/>: taking a turn, deferring on arrival, the busy reply.</summary>
public sealed partial class InteractionDispatcher
{
    /// <summary>What a member is told, only them, when the bot cannot take their interaction now.</summary>
    public const string BusyMessage = "The bot is busy right now — try again in a minute.";

    private static readonly InteractionResponse BusyResponse =
        InteractionResponse.ChannelMessage(ReplyPolicy.Outgoing(new InteractionCallbackData { Content = BusyMessage }, ephemeral: true));

    /// <summary>
    /// The handler's outcome to come: in its turn for anything that can be deferred; at once for autocomplete,
    /// which cannot wait its turn (it has no deferred form) and is cheap. Null when admission refused it as busy.
    /// </summary>
    private Task<HandlerOutcome>? Admit(DispatchCall call, CancellationToken handlerToken)
    {
        if (call.Plan == DeferralKind.None)
            return HandlerRun.Start(_handler, call.Interaction, handlerToken);

        var ticket = _admission.Admit(FairnessKey.Of(call.Interaction), Elapsed(call), token => HandlerRun.Start(_handler, call.Interaction, token), handlerToken);
        call.Admission = ticket.Decision;
        if (ticket.IsBusy)
        {
            AdmissionLog.Busy(_logger, call.Id, call.Name, ticket.Decision, ticket.EstimatedAnswerAfter);
        }
        else if (ticket.Decision == AdmissionDecision.DeferAtOnce)
        {
            AdmissionLog.DeferredAtOnce(_logger, call.Id, call.Name, ticket.EstimatedAnswerAfter);
        }

        ReportOverload();
        return ticket.Work;
    }

    /// <summary>The short ephemeral "busy" reply, as the one initial response: better than Discord's "did not respond".</summary>
    private async Task RefuseAsBusyAsync(DispatchCall call, CancellationToken cancellationToken)
    {
        if ((await _initial.SendAsync(call, BusyResponse, cancellationToken).ConfigureAwait(false)).IsSuccess)
            call.Outcome = InteractionOutcome.Busy;
    }

    /// <summary>How long to wait for the answer before deferring: not at all when admission expects it late.</summary>
    private TimeSpan DeferIn(DispatchCall call) =>
        call.Admission == AdmissionDecision.DeferAtOnce ? TimeSpan.Zero : _options.DeferAfter - Elapsed(call);

    /// <summary>
    /// True, counted and logged, when the interaction reaches the dispatcher already past Discord's window (a
    /// backlog in front of it): any initial response would only earn 10062, and the user already saw "The
    /// application did not respond". Running the handler would be wasted work.
    /// </summary>
    private bool PickedUpTooLate(DispatchCall call, out TimeSpan age)
    {
        age = Elapsed(call);
        if (age < InteractionOptions.ResponseWindow)
            return false;

        DispatchLog.Stale(_logger, call.Id, call.Name, age);
        call.Outcome = InteractionOutcome.Missed;
        call.MissedWindow = MissedWindow.Queued;
        CountExpired();
        return true;
    }

    /// <summary>
    /// True, counted and logged, when Discord's window closed before the deferral could go out (the process
    /// stalled, or threads were starved): a deferral now would only earn 10062, and the work would be wasted.
    /// </summary>
    private bool WindowPassed(DispatchCall call)
    {
        var elapsed = Elapsed(call);
        if (elapsed < InteractionOptions.ResponseWindow)
            return false;

        AdmissionLog.Expired(_logger, call.Id, call.Name, elapsed);
        call.Outcome = InteractionOutcome.Missed;
        call.MissedWindow = MissedWindow.Queued;
        CountExpired();
        return true;
    }

    /// <summary>One more interaction whose window passed before it could be acknowledged, for the overload summary.</summary>
    private void CountExpired()
    {
        _admission.CountExpired();
        ReportOverload();
    }

    private void ReportOverload()
    {
        if (_admission.TakeReport() is { } report)
            AdmissionLog.Overloaded(_logger, report.Period, report.Busy, report.DeferredAtOnce, report.Expired, report.Waiting, report.ServiceTime);
    }
}
