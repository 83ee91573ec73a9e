using System.Text.Json.Serialization;

namespace Bot.Discord.Models.Commands;

/// <summary>A choice of an option, or a suggestion in an autocomplete result.</summary>
public sealed record ApplicationCommandOptionChoice
{
    /// <summary>1–100 characters, shown to the user.</summary>
    public string Name { get; init; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<IReadOnlyDictionary<string, string>?> NameLocalizations { get; init; }

    /// <summary>A string (up to 100 characters) or a number, matching the option's type.</summary>
    public OptionValue Value { get; init; }
}
