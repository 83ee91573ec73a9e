namespace Bot.Discord.Models.Messages;

/// <summary>A rich embed. Limits: title 256, description 4096, 25 fields, 6000 characters over all embeds.</summary>
public sealed record Embed
{
    public string? Title { get; init; }

    /// <summary>Always <c>rich</c> for bot embeds; not settable.</summary>
    public string? Type { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>RGB as an integer, e.g. 0x5865F2.</summary>
    public int? Color { get; init; }

    public EmbedFooter? Footer { get; init; }

    public EmbedMedia? Image { get; init; }

    public EmbedMedia? Thumbnail { get; init; }

    /// <summary>Received only.</summary>
    public EmbedMedia? Video { get; init; }

    /// <summary>Received only.</summary>
    public EmbedProvider? Provider { get; init; }

    public EmbedAuthor? Author { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }
}
