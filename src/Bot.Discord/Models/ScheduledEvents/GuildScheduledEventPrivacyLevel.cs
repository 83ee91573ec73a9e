namespace Bot.Discord.Models.ScheduledEvents;

public enum GuildScheduledEventPrivacyLevel
{
    /// <summary>The only value Discord accepts.</summary>
    GuildOnly = 2,
}
