namespace Bot.Discord.Models.Messages;

/// <summary>What a message replies to (or forwards).</summary>
public sealed record MessageReference
{
    /// <summary>0 reply (default), 1 forward.</summary>
    public int? Type { get; init; }

    public ulong? MessageId { get; init; }

    public ulong? ChannelId { get; init; }

    public ulong? GuildId { get; init; }

    /// <summary>When sending: fail if the referenced message is gone (default true).</summary>
    public bool? FailIfNotExists { get; init; }
}
