namespace Bot.Discord.Models.Interactions;

/// <summary>An activity launched by a LAUNCH_ACTIVITY response.</summary>
public sealed record ActivityInstance
{
    public string Id { get; init; } = "";
}
