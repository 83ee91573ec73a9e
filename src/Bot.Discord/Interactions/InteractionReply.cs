using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;

namespace Bot.Discord.Interactions;

/// <summary>
/// A handler's answer, independent of whether it goes out as the initial response or as an edit
/// of a deferred one. The dispatcher sends it through <see cref="Policy.ReplyPolicy"/>: fitted to
/// Discord's limits, pinging nobody, as visible as planned.
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

    /// <summary>
    /// Work to do once a <see cref="InteractionReplyKind.Message"/> reply is a message everyone in the
    /// channel sees (pinning it, say), given that message as Discord returned it: the dispatcher reports
    /// what it delivered, so nothing has to read it back. It runs once, in the background, and is
    /// cancelled when the host stops; what it returns, if anything, goes to the invoker alone as a
    /// follow-up. Not run for an ephemeral reply, an update, or a reply that failed to go out.
    /// </summary>
    public Func<Message, CancellationToken, ValueTask<InteractionCallbackData?>>? AfterSent { get; init; }

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
