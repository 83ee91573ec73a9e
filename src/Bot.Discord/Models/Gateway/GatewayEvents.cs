namespace Bot.Discord.Models.Gateway;

/// <summary>Names of the dispatch events (<c>t</c>) the bot looks at.</summary>
public static class GatewayEvents
{
    public const string Ready = "READY";
    public const string Resumed = "RESUMED";
    public const string InteractionCreate = "INTERACTION_CREATE";
    public const string GuildCreate = "GUILD_CREATE";
    public const string RateLimited = "RATE_LIMITED";
}
