using System.Text.Json.Serialization;
using Bot.Discord.Models.Channels;

namespace Bot.Discord.Models.Commands;

/// <summary>An option (parameter, subcommand or group) in a command definition.</summary>
public sealed record ApplicationCommandOption
{
    public ApplicationCommandOptionType Type { get; init; }

    /// <summary>1–32 characters, unique among siblings.</summary>
    public string Name { get; init; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<IReadOnlyDictionary<string, string>?> NameLocalizations { get; init; }

    public string? NameLocalized { get; init; }

    /// <summary>1–100 characters.</summary>
    public string Description { get; init; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<IReadOnlyDictionary<string, string>?> DescriptionLocalizations { get; init; }

    public string? DescriptionLocalized { get; init; }

    /// <summary>Required options come before optional ones.</summary>
    public bool? Required { get; init; }

    /// <summary>The only accepted values (at most 25); not with <see cref="Autocomplete"/>.</summary>
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }

    /// <summary>Children of a subcommand or group.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    public IReadOnlyList<ChannelType>? ChannelTypes { get; init; }

    /// <summary>INTEGER and NUMBER options.</summary>
    public double? MinValue { get; init; }

    public double? MaxValue { get; init; }

    /// <summary>STRING options, 0–6000.</summary>
    public int? MinLength { get; init; }

    /// <summary>STRING options, 1–6000.</summary>
    public int? MaxLength { get; init; }

    /// <summary>STRING, INTEGER and NUMBER options: Discord asks the bot for choices as the user types.</summary>
    public bool? Autocomplete { get; init; }
}
