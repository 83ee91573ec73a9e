namespace Bot.Discord.Models.Messages;

public sealed record EmbedField
{
    /// <summary>Up to 256 characters.</summary>
    public string Name { get; init; } = "";

    /// <summary>Up to 1024 characters.</summary>
    public string Value { get; init; } = "";

    public bool? Inline { get; init; }
}
