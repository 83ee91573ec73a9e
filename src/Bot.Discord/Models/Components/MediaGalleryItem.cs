namespace Bot.Discord.Models.Components;

/// <summary>One image or video of a media gallery.</summary>
public sealed record MediaGalleryItem
{
    public required UnfurledMediaItem Media { get; init; }

    public string? Description { get; init; }

    public bool? Spoiler { get; init; }
}
