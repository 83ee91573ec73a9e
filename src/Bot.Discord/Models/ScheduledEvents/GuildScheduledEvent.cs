using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Discord.Models.Users;

namespace Bot.Discord.Models.ScheduledEvents;

/// <summary>A guild scheduled event as Discord returns it.</summary>
public sealed record GuildScheduledEvent
{
    public ulong Id { get; init; }

    public ulong GuildId { get; init; }

    /// <summary>Always written; <c>null</c> for external events.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public ulong? ChannelId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<ulong?> CreatorId { get; init; }

    public string Name { get; init; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> Description { get; init; }

    public DateTimeOffset ScheduledStartTime { get; init; }

    /// <summary>Always written; required for external events.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? ScheduledEndTime { get; init; }

    public GuildScheduledEventPrivacyLevel PrivacyLevel { get; init; }

    public GuildScheduledEventStatus Status { get; init; }

    public GuildScheduledEventEntityType EntityType { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public ulong? EntityId { get; init; }

    /// <summary>Always written; the location of external events, <c>null</c> otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public GuildScheduledEventEntityMetadata? EntityMetadata { get; init; }

    public User? Creator { get; init; }

    /// <summary>Subscribers; only with <c>?with_user_count=true</c>.</summary>
    public int? UserCount { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> Image { get; init; }

    /// <summary>Always written; the bot does not create recurring events, so it stays raw.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? RecurrenceRule { get; init; }
}
