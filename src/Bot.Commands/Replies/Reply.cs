namespace Bot.Commands.Replies;

/// <summary>
/// A command's answer as a message any transport can show: text, embeds (Discord's cards) and
/// buttons, as the command means it. Fitting it to Discord's limits and stopping it pinging anyone is
/// the dispatcher's reply policy (the console runs the same one), not the command's.
/// </summary>
public sealed record Reply
{
    /// <summary>Markdown text above the embeds.</summary>
    public string? Content { get; init; }

    public IReadOnlyList<ReplyEmbed> Embeds { get; init; } = [];

    /// <summary>Laid out five to a row, in order.</summary>
    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    /// <summary>Shown only to the person who ran the command.</summary>
    public bool Ephemeral { get; init; }

    public ReplyKind Kind { get; init; } = ReplyKind.NewMessage;

    /// <summary>
    /// Work to do once this reply is a message the transport can point to, such as pinning it: a
    /// command cannot know the message's id before the transport has sent it. The transport calls
    /// it once, after sending, for a new message seen by everyone (never for an ephemeral one or
    /// an update); what it returns, if anything, is shown to the invoker alone as a further message.
    /// </summary>
    public Func<SentMessage, CancellationToken, ValueTask<Reply?>>? WhenSent { get; init; }

    public static Reply Text(string content, bool ephemeral = false) => new() { Content = content, Ephemeral = ephemeral };

    public static Reply WithEmbed(ReplyEmbed embed, bool ephemeral = false) => new() { Embeds = [embed], Ephemeral = ephemeral };
}

/// <summary>A reply as the message the transport made of it.</summary>
/// <param name="ChannelId">Where it was posted, opaque; null where the transport has no channels (the console).</param>
/// <param name="MessageId">The message, opaque.</param>
public sealed record SentMessage(string? ChannelId, string MessageId);

/// <summary>Whether a reply is a new message or replaces the one whose button was clicked.</summary>
public enum ReplyKind
{
    NewMessage,
    UpdateMessage,
}

/// <summary>A card: title (a link when <see cref="Url"/> is set), Markdown description, fields, plain-text footer.</summary>
public sealed record ReplyEmbed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<ReplyEmbedField> Fields { get; init; } = [];

    /// <summary>Plain text: Markdown is not rendered here.</summary>
    public string? Footer { get; init; }

    /// <summary>Where the title links to: an absolute http or https address.</summary>
    public string? Url { get; init; }
}

/// <param name="Inline">Whether the field may sit beside its neighbours rather than on its own line.</param>
public sealed record ReplyEmbedField(string Name, string Value, bool Inline = false);

/// <param name="CustomId">Routes the click back to the command: see <see cref="CustomIds"/>.</param>
public sealed record ReplyButton(string Label, string CustomId, ReplyButtonStyle Style = ReplyButtonStyle.Secondary, bool Disabled = false);

public enum ReplyButtonStyle
{
    Primary,
    Secondary,
    Success,
    Danger,
}
