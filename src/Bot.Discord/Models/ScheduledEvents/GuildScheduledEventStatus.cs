namespace Bot.Discord.Models.ScheduledEvents;

/// <summary>Moves Scheduled → Active → Completed, or Scheduled → Canceled.</summary>
public enum GuildScheduledEventStatus
{
    Scheduled = 1,
    Active = 2,
    Completed = 3,
    Canceled = 4,
}
