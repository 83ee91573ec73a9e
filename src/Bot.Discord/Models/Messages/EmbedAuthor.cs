namespace Bot.Discord.Models.Messages;

public sealed record EmbedAuthor
{
    /// <summary>Up to 256 characters.</summary>
    public string Name { get; init; } = "";

    public string? Url { get; init; }

    public string? IconUrl { get; init; }

    public string? ProxyIconUrl { get; init; }
}
