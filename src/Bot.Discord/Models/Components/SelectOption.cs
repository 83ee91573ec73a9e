namespace Bot.Discord.Models.Components;

/// <summary>One choice of a string select (also used by radio and checkbox groups).</summary>
public sealed record SelectOption
{
    public string Label { get; init; } = "";

    public string Value { get; init; } = "";

    public string? Description { get; init; }

    public Emoji? Emoji { get; init; }

    /// <summary>Selected by default.</summary>
    public bool? Default { get; init; }
}
