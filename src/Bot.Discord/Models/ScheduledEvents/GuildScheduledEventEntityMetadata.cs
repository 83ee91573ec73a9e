namespace Bot.Discord.Models.ScheduledEvents;

public sealed record GuildScheduledEventEntityMetadata
{
    /// <summary>External events: where it happens, 1–100 characters.</summary>
    public string? Location { get; init; }
}
