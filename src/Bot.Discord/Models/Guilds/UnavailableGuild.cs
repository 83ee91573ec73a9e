namespace Bot.Discord.Models.Guilds;

/// <summary>A guild in READY, before its GUILD_CREATE.</summary>
public sealed record UnavailableGuild
{
    public ulong Id { get; init; }

    public bool? Unavailable { get; init; }
}
