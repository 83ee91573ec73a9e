using Bot.Discord.Interactions.Policy;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Interactions;

/// <summary>
/// Puts a handler's reply, or the apology for a failed one, in front of the user in whatever way the
/// interaction still allows (as the initial response, as an edit of the deferral, or aside), each
/// message shaped by <see cref="ReplyPolicy"/>; then hands the message it delivered to the reply's
/// <see cref="InteractionReply.AfterSent"/> step.
/// </summary>
internal sealed class ReplyDelivery(InitialResponseSender initial, ResponseFollowUps followUps, AfterSendWork afterSend, TimeProvider time, ILogger logger)
{
    public async Task DeliverAsync(DispatchCall call, InteractionReply reply, CancellationToken cancellationToken)
    {
        var wantsMessage = WantsMessage(call, reply);
        var (delivered, message) = call.Gate.State switch
        {
            InitialResponseState.NotSent when wantsMessage && !call.Responder.ReturnsMessage =>
                await DeferThenEditAsync(call, reply, cancellationToken).ConfigureAwait(false),
            InitialResponseState.NotSent => await SendInitialAsync(call, reply, wantsMessage, cancellationToken).ConfigureAwait(false),
            InitialResponseState.Sent => await CompleteDeferralAsync(call, reply, cancellationToken).ConfigureAwait(false),
            _ => (false, null), // the initial response failed, and that was logged
        };

        if (!delivered)
            return;

        call.Outcome = InteractionOutcome.Answered;
        call.AnsweredAfter = time.GetElapsedTime(call.ArrivedAt);
        DispatchLog.Answered(logger, call.Id, call.Name, call.Gate.Type, call.AnsweredAfter.Value);
        if (wantsMessage)
        {
            if (message is null)
            {
                DispatchLog.DeliveredMessageUnknown(logger, call.Id, call.Name);
            }
            else
            {
                afterSend.Start(call, reply.AfterSent!, message);
            }
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
                await initial.SendAsync(call, InteractionResponse.AutocompleteResult([]), cancellationToken).ConfigureAwait(false);

            return;
        }

        switch (call.Gate.State)
        {
            case InitialResponseState.NotSent:
                await initial.SendAsync(call, InteractionResponse.ChannelMessage(ReplyPolicy.ErrorMessage), cancellationToken).ConfigureAwait(false);
                break;

            case InitialResponseState.Sent when call.Gate.Type == InteractionCallbackType.DeferredChannelMessageWithSource:
                // Replaces the "thinking…" placeholder; its visibility was fixed by the deferral.
                await followUps.EditOriginalAsync(call, ReplyPolicy.Edit(ReplyPolicy.ErrorMessage), cancellationToken).ConfigureAwait(false);
                break;

            case InitialResponseState.Sent when call.Gate.Type == InteractionCallbackType.DeferredUpdateMessage:
                // Editing the original here would overwrite the message the component is on: tell the user aside.
                await followUps.SendEphemeralAsync(call, ReplyPolicy.ErrorMessage, cancellationToken).ConfigureAwait(false);
                break;

            default:
                break; // nothing was acknowledged and nothing can be any more, or the reply already went out
        }
    }

    /// <summary>Whether the reply has work to do once it is a message everyone sees, so the delivery must learn that message.</summary>
    private static bool WantsMessage(DispatchCall call, InteractionReply reply) =>
        reply.AfterSent is not null && reply.Kind == InteractionReplyKind.Message
        && call.Plan == DeferralKind.Public && !ReplyPolicy.IsEphemeral(reply.Data);

    private async Task<(bool, Message?)> SendInitialAsync(DispatchCall call, InteractionReply reply, bool wantsMessage, CancellationToken cancellationToken)
    {
        var sent = await initial.SendAsync(call, ReplyPolicy.InitialResponse(call.Plan, reply), cancellationToken, returnMessage: wantsMessage).ConfigureAwait(false);
        return (sent.IsSuccess, sent.Message);
    }

    /// <summary>
    /// The HTTP endpoint's initial response is the body of Discord's request, which returns no message:
    /// when the reply needs its message, it acknowledges with the planned deferral and completes it
    /// with <c>PATCH @original</c>, whose answer is the message. Nothing reads the message back.
    /// </summary>
    private async Task<(bool, Message?)> DeferThenEditAsync(DispatchCall call, InteractionReply reply, CancellationToken cancellationToken)
    {
        if (!(await initial.SendAsync(call, ReplyPolicy.Deferral(call.Plan), cancellationToken).ConfigureAwait(false)).IsSuccess)
            return (false, null);

        DispatchLog.Deferred(logger, call.Id, call.Name, call.Gate.Type, time.GetElapsedTime(call.ArrivedAt));
        return await CompleteDeferralAsync(call, reply, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(bool, Message?)> CompleteDeferralAsync(DispatchCall call, InteractionReply reply, CancellationToken cancellationToken)
    {
        if (reply.Kind == InteractionReplyKind.Autocomplete)
        {
            DispatchLog.ReplyCannotFollowDeferral(logger, call.Id, call.Name, reply.Kind);
            await SendErrorAsync(call, cancellationToken).ConfigureAwait(false);
            return (false, null);
        }

        // The handler decided late that only the invoker should see this (e.g. "I don't know"), but
        // the public "thinking…" is already in the channel: remove it and answer privately.
        var message = call.Plan == DeferralKind.Public && reply.Kind == InteractionReplyKind.Message && ReplyPolicy.IsEphemeral(reply.Data)
            ? await followUps.ReplacePublicDeferralAsync(call, reply.Data, cancellationToken).ConfigureAwait(false)
            : await followUps.EditOriginalAsync(call, ReplyPolicy.Edit(reply.Data), cancellationToken).ConfigureAwait(false);
        return (message is not null, message);
    }
}
