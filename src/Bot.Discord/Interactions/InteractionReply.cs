using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Interactions;

namespace Bot.Discord.Interactions;

/// <summary>
/// A handler's answer, independent of whether it goes out as the initial response or as an edit
/// of a deferred one. The dispatcher adds <c>allowed_mentions</c> with nothing parsed to every
/// message, whatever the handler set.
/// </summary>
public sealed record InteractionReply
{
    private InteractionReply(InteractionReplyKind kind, InteractionCallbackData data)
    {
        Kind = kind;
        Data = data;
    }

    public InteractionReplyKind Kind { get; }

    public InteractionCallbackData Data { get; }

    /// <summary>A new message in reply (callback type 4, or the edit after a type 5 deferral).</summary>
    public static InteractionReply Message(InteractionCallbackData data) => new(InteractionReplyKind.Message, data);

    /// <summary>Replace the message a component is on (type 7, or the edit after a type 6 deferral).</summary>
    public static InteractionReply UpdateMessage(InteractionCallbackData data) => new(InteractionReplyKind.UpdateMessage, data);

    /// <summary>Autocomplete choices (type 8; at most 25).</summary>
    public static InteractionReply Autocomplete(IReadOnlyList<ApplicationCommandOptionChoice> choices) =>
        new(InteractionReplyKind.Autocomplete, new InteractionCallbackData { Choices = choices });
}

public enum InteractionReplyKind
{
    Message,
    UpdateMessage,
    Autocomplete,
}
