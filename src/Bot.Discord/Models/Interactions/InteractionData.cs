using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Components;

namespace Bot.Discord.Models.Interactions;

/// <summary>
/// The <c>data</c> of an interaction. Its fields depend on the interaction type, so this record
/// carries all of them: commands and autocomplete fill the first group, components and modals the second.
/// </summary>
public sealed record InteractionData
{
    /// <summary>Commands: the command's id.</summary>
    public ulong? Id { get; init; }

    /// <summary>Commands: the command's (unlocalized) name.</summary>
    public string? Name { get; init; }

    public ApplicationCommandType? Type { get; init; }

    /// <summary>Commands: the command's version (sent though not in the data table).</summary>
    public ulong? Version { get; init; }

    /// <summary>Commands: the options the user gave; autocomplete marks the one being typed as focused.</summary>
    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    /// <summary>Commands: set when the command is guild-scoped.</summary>
    public ulong? GuildId { get; init; }

    /// <summary>User and message commands: the user or message clicked.</summary>
    public ulong? TargetId { get; init; }

    /// <summary>Components and modals: the <c>custom_id</c> the bot gave.</summary>
    public string? CustomId { get; init; }

    public ComponentType? ComponentType { get; init; }

    /// <summary>Selects: the chosen values.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Modals: the submitted components with their values.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>Users, members, roles, channels, messages and attachments referred to by id.</summary>
    public ResolvedData? Resolved { get; init; }
}
