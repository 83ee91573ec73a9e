using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Interactions;

/// <summary>
/// Puts a handler's reply, or the apology for a failed one, in front of the user in whatever way the
/// interaction still allows: as the initial response, as an edit of the deferral, or aside.
/// </summary>
internal sealed class ReplyDelivery(InitialResponseSender initial, ResponseFollowUps followUps, TimeProvider time, ILogger logger)
{
    public async Task DeliverAsync(DispatchCall call, InteractionReply reply, CancellationToken cancellationToken)
    {
        var delivered = false;
        switch (call.Gate.State)
        {
            case InitialResponseState.NotSent:
                delivered = await initial.SendAsync(call, OutgoingMessages.InitialResponse(call.Plan, reply), cancellationToken).ConfigureAwait(false);
                break;

            case InitialResponseState.Sent when reply.Kind == InteractionReplyKind.Autocomplete:
                DispatchLog.ReplyCannotFollowDeferral(logger, call.Id, call.Name, reply.Kind);
                await SendErrorAsync(call, cancellationToken).ConfigureAwait(false);
                break;

            case InitialResponseState.Sent when call.Plan == DeferralKind.Public && reply.Kind == InteractionReplyKind.Message
                                                && (reply.Data.Flags ?? MessageFlags.None).HasFlag(MessageFlags.Ephemeral):
                // The handler decided late that only the invoker should see this (e.g. "I don't know"),
                // but the public "thinking…" is already in the channel: remove it and answer privately.
                delivered = await followUps.ReplacePublicDeferralAsync(call, reply.Data, cancellationToken).ConfigureAwait(false);
                break;

            case InitialResponseState.Sent:
                delivered = await followUps.EditOriginalAsync(call, OutgoingMessages.ToEdit(reply.Data), cancellationToken).ConfigureAwait(false);
                break;

            default:
                break; // the initial response failed, and that was logged
        }

        if (delivered)
        {
            call.Outcome = InteractionOutcome.Answered;
            call.AnsweredAfter = time.GetElapsedTime(call.ArrivedAt);
            DispatchLog.Answered(logger, call.Id, call.Name, call.Gate.Type, call.AnsweredAfter.Value);
        }
    }

    /// <summary>Tells the user the answer failed, in whatever way is still open.</summary>
    public async Task SendErrorAsync(DispatchCall call, CancellationToken cancellationToken)
    {
        call.Outcome = InteractionOutcome.Failed;
        if (call.Interaction.Type == InteractionType.ApplicationCommandAutocomplete)
        {
            // Autocomplete accepts only choices: an empty list is the quiet way to fail.
            if (call.Gate.State == InitialResponseState.NotSent && time.GetElapsedTime(call.ArrivedAt) < InteractionOptions.ResponseWindow)
            {
                await initial.SendAsync(call, InteractionResponse.AutocompleteResult([]), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        switch (call.Gate.State)
        {
            case InitialResponseState.NotSent:
                await initial.SendAsync(call, InteractionResponse.ChannelMessage(OutgoingMessages.ErrorData), cancellationToken).ConfigureAwait(false);
                break;

            case InitialResponseState.Sent when call.Gate.Type == InteractionCallbackType.DeferredChannelMessageWithSource:
                // Replaces the "thinking…" placeholder; its visibility was fixed by the deferral.
                await followUps.EditOriginalAsync(call, OutgoingMessages.ToEdit(OutgoingMessages.ErrorData), cancellationToken).ConfigureAwait(false);
                break;

            case InitialResponseState.Sent when call.Gate.Type == InteractionCallbackType.DeferredUpdateMessage:
                // Editing the original here would overwrite the message the component is on: tell the user aside.
                await followUps.SendEphemeralAsync(call, InteractionDispatcher.ErrorMessage, cancellationToken).ConfigureAwait(false);
                break;

            default:
                break; // nothing was acknowledged and nothing can be any more, or the reply already went out
        }
    }
}
