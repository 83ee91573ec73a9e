using Bot.Discord.Models.Components;

namespace Bot.Discord.Models.Messages;

/// <summary>Body of <c>POST /webhooks/{application.id}/{interaction.token}</c> (a follow-up; returns the message).</summary>
public sealed record CreateFollowupMessageRequest
{
    /// <summary>Up to 2000 characters.</summary>
    public string? Content { get; init; }

    public bool? Tts { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    /// <summary><see cref="MessageFlags.Ephemeral"/> makes it visible to the invoker only.</summary>
    public MessageFlags? Flags { get; init; }
}
