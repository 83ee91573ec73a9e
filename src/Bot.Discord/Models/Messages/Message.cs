using System.Text.Json.Serialization;
using Bot.Discord.Models.Components;
using Bot.Discord.Models.Guilds;
using Bot.Discord.Models.Users;

namespace Bot.Discord.Models.Messages;

/// <summary>A message as Discord returns it (responses, follow-ups, pins, <c>interaction.message</c>).</summary>
public sealed record Message
{
    public ulong Id { get; init; }

    public ulong ChannelId { get; init; }

    /// <summary>Only in gateway events.</summary>
    public ulong? GuildId { get; init; }

    public required User Author { get; init; }

    /// <summary>Only in gateway events: the author's partial member.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>Empty for V2-component messages (and without the MESSAGE_CONTENT intent for others' messages).</summary>
    public string Content { get; init; } = "";

    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Always written, <c>null</c> when never edited.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? EditedTimestamp { get; init; }

    public bool Tts { get; init; }

    public bool MentionEveryone { get; init; }

    public IReadOnlyList<User> Mentions { get; init; } = [];

    public IReadOnlyList<ulong> MentionRoles { get; init; } = [];

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    public IReadOnlyList<Embed> Embeds { get; init; } = [];

    public bool Pinned { get; init; }

    public ulong? WebhookId { get; init; }

    public MessageType Type { get; init; }

    public ulong? ApplicationId { get; init; }

    public MessageReference? MessageReference { get; init; }

    public MessageFlags? Flags { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>Deprecated in favour of <see cref="InteractionMetadata"/>, still sent.</summary>
    public MessageInteraction? Interaction { get; init; }

    public MessageInteractionMetadata? InteractionMetadata { get; init; }

    /// <summary>Position in a thread.</summary>
    public int? Position { get; init; }
}
