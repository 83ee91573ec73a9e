namespace Bot.Discord.Models.Components;

/// <summary>A pre-selected entry of an auto-populated select.</summary>
public sealed record SelectDefaultValue
{
    public ulong Id { get; init; }

    /// <summary><c>user</c>, <c>role</c> or <c>channel</c>.</summary>
    public string Type { get; init; } = "";
}
