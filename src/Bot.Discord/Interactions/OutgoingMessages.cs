using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;

namespace Bot.Discord.Interactions;

/// <summary>
/// What the dispatcher sends, shaped at the last moment before it leaves: nothing pings whatever the
/// handler set, content fits Discord's limit, a deferral matches its plan, and an edit carries only
/// what an edit may.
/// </summary>
internal static class OutgoingMessages
{
    public const int MaxContentLength = 2000;
    public const int MaxChoices = 25;

    public static InteractionCallbackData ErrorData { get; } = new()
    {
        Content = InteractionDispatcher.ErrorMessage,
        Flags = MessageFlags.Ephemeral,
        AllowedMentions = AllowedMentions.None,
    };

    public static InteractionResponse Deferral(DeferralKind plan) => plan switch
    {
        DeferralKind.Ephemeral => InteractionResponse.DeferredChannelMessage(ephemeral: true),
        DeferralKind.UpdateMessage => InteractionResponse.DeferredUpdateMessage,
        _ => InteractionResponse.DeferredChannelMessage(ephemeral: false),
    };

    public static InteractionResponse InitialResponse(DeferralKind plan, InteractionReply reply) => reply.Kind switch
    {
        // An ephemeral plan makes a fast reply ephemeral too, so the command looks the same however long it took.
        InteractionReplyKind.Message => InteractionResponse.ChannelMessage(Outgoing(reply.Data, ephemeral: plan == DeferralKind.Ephemeral)),
        InteractionReplyKind.UpdateMessage => InteractionResponse.UpdateMessage(Outgoing(reply.Data, ephemeral: false)),
        _ => InteractionResponse.AutocompleteResult(reply.Data.Choices is { Count: > MaxChoices } choices ? choices.Take(MaxChoices).ToArray() : reply.Data.Choices ?? []),
    };

    /// <summary>A handler's message as it may go out: nothing pings, whatever the handler set, and content within Discord's limit.</summary>
    public static InteractionCallbackData Outgoing(InteractionCallbackData data, bool ephemeral) => data with
    {
        Content = Cut(data.Content),
        AllowedMentions = AllowedMentions.None,
        Flags = ephemeral ? (data.Flags ?? MessageFlags.None) | MessageFlags.Ephemeral : data.Flags,
    };

    public static EditWebhookMessageRequest ToEdit(InteractionCallbackData data)
    {
        // An edit can set only these flags; ephemerality was fixed by the deferral.
        var flags = data.Flags & (MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2);
        return new EditWebhookMessageRequest
        {
            Content = Cut(data.Content),
            Embeds = data.Embeds,
            Components = data.Components,
            Attachments = data.Attachments,
            Flags = flags is null or MessageFlags.None ? null : flags,
            AllowedMentions = AllowedMentions.None,
        };
    }

    public static CreateFollowupMessageRequest EphemeralFollowUp(InteractionCallbackData data) => new()
    {
        Content = Cut(data.Content),
        Embeds = data.Embeds,
        Components = data.Components,
        Flags = MessageFlags.Ephemeral,
        AllowedMentions = AllowedMentions.None,
    };

    /// <summary>Discord refuses content over 2000 characters (400): cut it, with an ellipsis, rather than lose the whole reply.</summary>
    public static string? Cut(string? content)
    {
        if (content is null || content.Length <= MaxContentLength)
        {
            return content;
        }

        var keep = MaxContentLength - 1;
        if (char.IsHighSurrogate(content[keep - 1]))
        {
            keep--; // never split a surrogate pair
        }

        return string.Concat(content.AsSpan(0, keep), "…");
    }
}
