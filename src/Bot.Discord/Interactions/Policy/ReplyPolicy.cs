using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;

namespace Bot.Discord.Interactions.Policy;

/// <summary>
/// The one policy every message the dispatcher sends goes through, whatever the handler set: it fits
/// Discord's limits (<see cref="MessageFit"/>), it pings nobody (<c>allowed_mentions</c> parses
/// nothing), and it is as visible as planned before the handler ran (<see cref="DeferralKind"/>), so a
/// reply looks the same whether it came in time or after a deferral. Handlers say what they mean;
/// this decides how it goes out. The console runs the same policy before it renders a reply.
/// </summary>
public static class ReplyPolicy
{
    /// <summary>What the user sees when a handler fails.</summary>
    public static InteractionCallbackData ErrorMessage { get; } = Outgoing(
        new InteractionCallbackData { Content = InteractionDispatcher.ErrorMessage },
        ephemeral: true);

    /// <summary>
    /// A handler's message as it may go out: fitted, pinging nobody whatever the handler allowed, and
    /// ephemeral when <paramref name="ephemeral"/> (else as the handler flagged it).
    /// </summary>
    public static InteractionCallbackData Outgoing(InteractionCallbackData data, bool ephemeral = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        return MessageFit.Fit(data) with
        {
            AllowedMentions = AllowedMentions.None,
            Flags = ephemeral ? (data.Flags ?? MessageFlags.None) | MessageFlags.Ephemeral : data.Flags,
        };
    }

    /// <summary>Whether the planned acknowledgement makes the reply visible to the invoker alone: decided before the handler runs.</summary>
    public static bool IsEphemeral(DeferralKind plan) => plan == DeferralKind.Ephemeral;

    /// <summary>Whether the handler marked its message for the invoker alone.</summary>
    public static bool IsEphemeral(InteractionCallbackData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return (data.Flags ?? MessageFlags.None).HasFlag(MessageFlags.Ephemeral);
    }

    /// <summary>The deferral the plan asks for: an ephemeral plan defers ephemerally, since a deferral fixes the reply's visibility.</summary>
    public static InteractionResponse Deferral(DeferralKind plan) => plan switch
    {
        DeferralKind.Ephemeral => InteractionResponse.DeferredChannelMessage(ephemeral: true),
        DeferralKind.UpdateMessage => InteractionResponse.DeferredUpdateMessage,
        _ => InteractionResponse.DeferredChannelMessage(ephemeral: false),
    };

    /// <summary>The reply as the one initial response, when it came in time.</summary>
    public static InteractionResponse InitialResponse(DeferralKind plan, InteractionReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Kind switch
        {
            // An ephemeral plan makes a fast reply ephemeral too, so the command looks the same however long it took.
            InteractionReplyKind.Message => InteractionResponse.ChannelMessage(Outgoing(reply.Data, IsEphemeral(plan))),
            InteractionReplyKind.UpdateMessage => InteractionResponse.UpdateMessage(Outgoing(reply.Data)),
            _ => InteractionResponse.AutocompleteResult(Choices(reply.Data.Choices)),
        };
    }

    /// <summary>Autocomplete suggestions as Discord accepts them (<see cref="MessageFit.Fit(IReadOnlyList{Models.Commands.ApplicationCommandOptionChoice}?)"/>).</summary>
    public static IReadOnlyList<ApplicationCommandOptionChoice> Choices(IReadOnlyList<ApplicationCommandOptionChoice>? choices) => MessageFit.Fit(choices);

    /// <summary>The reply as the edit of <c>@original</c> that completes a deferral.</summary>
    public static EditWebhookMessageRequest Edit(InteractionCallbackData data)
    {
        var outgoing = Outgoing(data);

        // An edit can set only these flags; ephemerality was fixed by the deferral.
        var flags = outgoing.Flags & (MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2);
        return new EditWebhookMessageRequest
        {
            Content = outgoing.Content,
            Embeds = outgoing.Embeds,
            Components = outgoing.Components,
            Attachments = outgoing.Attachments,
            Flags = flags is null or MessageFlags.None ? null : flags,
            AllowedMentions = outgoing.AllowedMentions,
        };
    }

    /// <summary>A message for the invoker alone, after the initial response.</summary>
    public static CreateFollowupMessageRequest EphemeralFollowUp(InteractionCallbackData data)
    {
        var outgoing = Outgoing(data, ephemeral: true);
        return new CreateFollowupMessageRequest
        {
            Content = outgoing.Content,
            Embeds = outgoing.Embeds,
            Components = outgoing.Components,
            Attachments = outgoing.Attachments,
            Flags = MessageFlags.Ephemeral,
            AllowedMentions = outgoing.AllowedMentions,
        };
    }
}
