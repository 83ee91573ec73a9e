using System.Text.Json;

namespace Bot.Discord.Models.ScheduledEvents;

/// <summary>
/// Body of <c>POST /guilds/{guild.id}/scheduled-events</c>. Stage and voice events need
/// <see cref="ChannelId"/>; external ones need <see cref="EntityMetadata"/> with a location and
/// <see cref="ScheduledEndTime"/>.
/// </summary>
public sealed record CreateGuildScheduledEventRequest
{
    public string Name { get; init; } = "";

    public GuildScheduledEventPrivacyLevel PrivacyLevel { get; init; } = GuildScheduledEventPrivacyLevel.GuildOnly;

    public DateTimeOffset ScheduledStartTime { get; init; }

    public DateTimeOffset? ScheduledEndTime { get; init; }

    /// <summary>1–1000 characters.</summary>
    public string? Description { get; init; }

    public GuildScheduledEventEntityType EntityType { get; init; }

    public ulong? ChannelId { get; init; }

    public GuildScheduledEventEntityMetadata? EntityMetadata { get; init; }

    /// <summary>Cover image as a data URI.</summary>
    public string? Image { get; init; }

    public JsonElement? RecurrenceRule { get; init; }
}
