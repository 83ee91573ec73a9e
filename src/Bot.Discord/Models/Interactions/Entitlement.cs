using System.Text.Json.Serialization;

namespace Bot.Discord.Models.Interactions;

/// <summary>A premium entitlement of the invoker or guild (interactions list them).</summary>
public sealed record Entitlement
{
    public ulong Id { get; init; }

    public ulong SkuId { get; init; }

    public ulong ApplicationId { get; init; }

    public ulong? UserId { get; init; }

    public ulong? GuildId { get; init; }

    public int Type { get; init; }

    public bool Deleted { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<DateTimeOffset?> StartsAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<DateTimeOffset?> EndsAt { get; init; }

    public bool? Consumed { get; init; }
}
