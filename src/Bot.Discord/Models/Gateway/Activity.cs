namespace Bot.Discord.Models.Gateway;

/// <summary>An activity a bot may set in its presence (only these fields are accepted from bots).</summary>
public sealed record Activity
{
    public string Name { get; init; } = "";

    public ActivityType Type { get; init; }

    /// <summary>Stream URL, for <see cref="ActivityType.Streaming"/>.</summary>
    public string? Url { get; init; }

    /// <summary>Status text, for <see cref="ActivityType.Custom"/>.</summary>
    public string? State { get; init; }
}
