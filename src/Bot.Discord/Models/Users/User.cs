using System.Text.Json.Serialization;

namespace Bot.Discord.Models.Users;

/// <summary>A Discord user.</summary>
public sealed record User
{
    public ulong Id { get; init; }

    public string Username { get; init; } = "";

    /// <summary><c>"0"</c> for accounts with new-style usernames.</summary>
    public string Discriminator { get; init; } = "";

    /// <summary>Display name; documented as always present, but older payloads omit it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> GlobalName { get; init; }

    /// <summary>Avatar hash; always written, <c>null</c> included.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Avatar { get; init; }

    public bool? Bot { get; init; }

    public bool? System { get; init; }

    public bool? MfaEnabled { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> Banner { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<int?> AccentColor { get; init; }

    public string? Locale { get; init; }

    public bool? Verified { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> Email { get; init; }

    public long? Flags { get; init; }

    public int? PremiumType { get; init; }

    public long? PublicFlags { get; init; }

    /// <summary>The name to show: the display name, else the username.</summary>
    [JsonIgnore]
    public string DisplayName => GlobalName.GetValueOrDefault() ?? Username;
}
