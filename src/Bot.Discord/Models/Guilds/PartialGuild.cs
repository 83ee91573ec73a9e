namespace Bot.Discord.Models.Guilds;

/// <summary>The partial <c>guild</c> of an interaction.</summary>
public sealed record PartialGuild
{
    public ulong Id { get; init; }

    public string? Locale { get; init; }

    public IReadOnlyList<string>? Features { get; init; }
}
