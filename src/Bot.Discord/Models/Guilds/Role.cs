using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Discord.Models.Guilds;

/// <summary>A guild role (in <c>resolved.roles</c>).</summary>
public sealed record Role
{
    public ulong Id { get; init; }

    public string Name { get; init; } = "";

    public int Color { get; init; }

    public bool Hoist { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> Icon { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> UnicodeEmoji { get; init; }

    public int Position { get; init; }

    public Permissions Permissions { get; init; }

    public bool Managed { get; init; }

    public bool Mentionable { get; init; }

    /// <summary>Bot/integration/subscription tags; not read by this bot, kept raw.</summary>
    public JsonElement? Tags { get; init; }

    public int? Flags { get; init; }
}
