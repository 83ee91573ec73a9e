using System.Text.Json.Serialization;
using Bot.Discord.Models.Users;

namespace Bot.Discord.Models.Guilds;

/// <summary>A user's membership of a guild, as interactions carry it.</summary>
public sealed record GuildMember
{
    /// <summary>Present on <c>interaction.member</c>; absent in <c>resolved.members</c> (look in <c>resolved.users</c>).</summary>
    public User? User { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> Nick { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> Avatar { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> Banner { get; init; }

    public IReadOnlyList<ulong> Roles { get; init; } = [];

    /// <summary>Always written, <c>null</c> included (null for guest members).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public DateTimeOffset? JoinedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<DateTimeOffset?> PremiumSince { get; init; }

    public bool? Deaf { get; init; }

    public bool? Mute { get; init; }

    public int? Flags { get; init; }

    public bool? Pending { get; init; }

    /// <summary>In interactions: the member's effective permissions in the channel (overwrites applied).</summary>
    public Permissions? Permissions { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<DateTimeOffset?> CommunicationDisabledUntil { get; init; }
}
