namespace Bot.Discord.Models.Messages;

/// <summary>An embed's image, thumbnail or video (the three share this shape). Bots set only <see cref="Url"/>.</summary>
public sealed record EmbedMedia
{
    public string? Url { get; init; }

    public string? ProxyUrl { get; init; }

    public int? Height { get; init; }

    public int? Width { get; init; }
}
