namespace Bot.Discord.Models.Components;

/// <summary>A partial emoji: a custom one by <see cref="Id"/>, or a Unicode one by <see cref="Name"/>.</summary>
public sealed record Emoji
{
    public ulong? Id { get; init; }

    public string? Name { get; init; }

    public bool? Animated { get; init; }
}
