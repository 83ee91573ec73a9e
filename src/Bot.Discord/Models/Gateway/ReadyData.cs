using Bot.Discord.Models.Guilds;
using Bot.Discord.Models.Users;

namespace Bot.Discord.Models.Gateway;

/// <summary>The <c>d</c> of the READY dispatch. Keep <see cref="SessionId"/> and <see cref="ResumeGatewayUrl"/> for resuming.</summary>
public sealed record ReadyData
{
    /// <summary>API version.</summary>
    public int V { get; init; }

    public required User User { get; init; }

    /// <summary>The bot's guilds, all unavailable until their GUILD_CREATE arrives.</summary>
    public IReadOnlyList<UnavailableGuild> Guilds { get; init; } = [];

    public string SessionId { get; init; } = "";

    public string ResumeGatewayUrl { get; init; } = "";

    public Shard? Shard { get; init; }

    public required PartialApplication Application { get; init; }
}
