using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Components;
using Bot.Discord.Models.Messages;

namespace Bot.Discord.Models.Interactions;

/// <summary>
/// The <c>data</c> of an interaction response. Which fields apply depends on the response type:
/// a message (4, 7: content … attachments), autocomplete choices (8), or a modal (9: custom_id,
/// title, components). Unset fields are not written.
/// </summary>
public sealed record InteractionCallbackData
{
    public bool? Tts { get; init; }

    /// <summary>Up to 2000 characters.</summary>
    public string? Content { get; init; }

    /// <summary>At most 10.</summary>
    public IReadOnlyList<Embed>? Embeds { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    /// <summary>SuppressEmbeds, Ephemeral, SuppressNotifications, IsComponentsV2 (type 5: Ephemeral only).</summary>
    public MessageFlags? Flags { get; init; }

    /// <summary>Message components, or a modal's 1–5 components.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    /// <summary>Autocomplete result: at most 25.</summary>
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }

    /// <summary>Modal: 1–100 characters, echoed in the MODAL_SUBMIT.</summary>
    public string? CustomId { get; init; }

    /// <summary>Modal: up to 45 characters.</summary>
    public string? Title { get; init; }
}
