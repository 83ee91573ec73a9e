namespace Bot.Discord.Models.Messages;

/// <summary>One pinned message and when it was pinned.</summary>
public sealed record MessagePin
{
    public DateTimeOffset PinnedAt { get; init; }

    public required Message Message { get; init; }
}
