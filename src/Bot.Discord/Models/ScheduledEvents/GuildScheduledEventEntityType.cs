namespace Bot.Discord.Models.ScheduledEvents;

public enum GuildScheduledEventEntityType
{
    StageInstance = 1,
    Voice = 2,
    External = 3,
}
