using System.Text.Json.Serialization;

namespace Bot.Discord.Models.Messages;

/// <summary>An entry of <c>allowed_mentions.parse</c>, written as its lower-case name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AllowedMentionType>))]
public enum AllowedMentionType
{
    [JsonStringEnumMemberName("roles")]
    Roles,

    [JsonStringEnumMemberName("users")]
    Users,

    /// <summary>@everyone and @here.</summary>
    [JsonStringEnumMemberName("everyone")]
    Everyone,
}
