using Bot.Discord.Models.Commands;

namespace Bot.Discord.Models.Interactions;

/// <summary>An option the user gave: a <see cref="Value"/>, or nested <see cref="Options"/> for a subcommand or group.</summary>
public sealed record InteractionDataOption
{
    public string Name { get; init; } = "";

    public ApplicationCommandOptionType Type { get; init; }

    public OptionValue? Value { get; init; }

    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    /// <summary>Autocomplete: the option the user is typing.</summary>
    public bool? Focused { get; init; }
}
