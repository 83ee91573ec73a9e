using Bot.Discord.Models.Components;

namespace Bot.Discord.Models.Messages;

/// <summary>
/// Body of <c>PATCH /webhooks/{application.id}/{interaction.token}/messages/@original</c> (or
/// <c>/{message.id}</c> for a follow-up). Only the fields set are changed; to clear one, send an
/// empty value (<c>""</c>, <c>[]</c>).
/// </summary>
public sealed record EditWebhookMessageRequest
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    /// <summary>Only SuppressEmbeds and IsComponentsV2 can be set here.</summary>
    public MessageFlags? Flags { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>Attachments to keep or add; others are removed.</summary>
    public IReadOnlyList<Attachment>? Attachments { get; init; }
}
