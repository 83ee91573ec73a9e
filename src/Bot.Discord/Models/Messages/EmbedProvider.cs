namespace Bot.Discord.Models.Messages;

public sealed record EmbedProvider
{
    public string? Name { get; init; }

    public string? Url { get; init; }
}
