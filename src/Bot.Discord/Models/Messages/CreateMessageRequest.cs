using Bot.Discord.Models.Components;

namespace Bot.Discord.Models.Messages;

/// <summary>Body of <c>POST /channels/{channel.id}/messages</c>. Needs content, embeds or components.</summary>
public sealed record CreateMessageRequest
{
    /// <summary>Up to 2000 characters; not with <see cref="MessageFlags.IsComponentsV2"/>.</summary>
    public string? Content { get; init; }

    /// <summary>Up to 25 characters; used with <see cref="EnforceNonce"/> to avoid duplicates.</summary>
    public string? Nonce { get; init; }

    public bool? Tts { get; init; }

    /// <summary>At most 10.</summary>
    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public MessageReference? MessageReference { get; init; }

    /// <summary>Legacy: up to 5 action rows. V2 (flag set): up to 40 components in all.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    public IReadOnlyList<ulong>? StickerIds { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public MessageFlags? Flags { get; init; }

    public bool? EnforceNonce { get; init; }
}
