namespace Bot.Discord.Models.Messages;

public sealed record EmbedFooter
{
    /// <summary>Up to 2048 characters.</summary>
    public string Text { get; init; } = "";

    public string? IconUrl { get; init; }

    public string? ProxyIconUrl { get; init; }
}
