using System.Text.Json.Serialization;

namespace Bot.Discord.Models.Channels;

/// <summary>A (partial) channel, as interactions and <c>resolved.channels</c> carry it.</summary>
public sealed record Channel
{
    public ulong Id { get; init; }

    public ChannelType Type { get; init; }

    public ulong? GuildId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> Name { get; init; }

    public bool? Nsfw { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<ulong?> ParentId { get; init; }

    public int? Position { get; init; }

    public int? RateLimitPerUser { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> Topic { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<ulong?> LastMessageId { get; init; }

    public int? Flags { get; init; }

    /// <summary>In <c>resolved.channels</c>: the invoker's permissions there.</summary>
    public Permissions? Permissions { get; init; }
}
