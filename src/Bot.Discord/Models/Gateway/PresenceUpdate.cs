using System.Text.Json.Serialization;

namespace Bot.Discord.Models.Gateway;

/// <summary>The bot's presence: Identify's <c>presence</c> and the <c>d</c> of op 3.</summary>
public sealed record PresenceUpdate
{
    /// <summary>Unix ms since the client went idle, or <c>null</c>; always written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? Since { get; init; }

    public IReadOnlyList<Activity> Activities { get; init; } = [];

    /// <summary><c>online</c>, <c>dnd</c>, <c>idle</c>, <c>invisible</c> or <c>offline</c>.</summary>
    public string Status { get; init; } = "online";

    public bool Afk { get; init; }
}
