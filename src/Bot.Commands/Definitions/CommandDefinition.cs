using System.Diagnostics.CodeAnalysis;

namespace Bot.Commands.Definitions;

/// <summary>
/// What a command is called, what it takes and who may run it: the one description that drives
/// registration with a transport, dispatch, <c>/help</c> and the local console alike.
/// Checked against the transport's limits by <see cref="CommandDefinitionRules"/>.
/// </summary>
/// <param name="Name">Lower case, 1 to 32 letters, digits, <c>-</c> or <c>_</c>.</param>
/// <param name="Description">1 to 100 characters, shown beside the name.</param>
public sealed record CommandDefinition(string Name, string Description)
{
    /// <summary>In the order users are offered them; required ones first. None when the command has <see cref="Subcommands"/>.</summary>
    public IReadOnlyList<CommandOptionDefinition> Options { get; init; } = [];

    /// <summary>
    /// What the command does comes in parts, each run as <c>/{name} {subcommand} ...</c> with options
    /// of its own (<c>/watchparty schedule start:...</c>). A command with subcommands takes no options
    /// itself and cannot be run without one of them.
    /// </summary>
    public IReadOnlyList<SubcommandDefinition> Subcommands { get; init; } = [];

    /// <summary>What a member needs to see and run the command; <see cref="MemberPermission.None"/>: anyone.</summary>
    public MemberPermission RequiredPermission { get; init; } = MemberPermission.None;

    /// <summary>Whether replies are shown only to the person who ran the command, unless the command decides otherwise.</summary>
    public bool Ephemeral { get; init; }

    public bool HasSubcommands => Subcommands.Count > 0;

    public CommandOptionDefinition? Option(string name) =>
        Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));

    /// <summary>The subcommand called <paramref name="name"/> (ignoring case), or null.</summary>
    public SubcommandDefinition? Subcommand(string? name) =>
        name is null ? null : Subcommands.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The options one invocation takes: the subcommand's when it names one of <see cref="Subcommands"/>,
    /// else the command's own (none for a command with subcommands and no subcommand named).
    /// </summary>
    public IReadOnlyList<CommandOptionDefinition> OptionsOf(string? subcommand) =>
        HasSubcommands ? Subcommand(subcommand)?.Options ?? [] : Options;
}

/// <summary>One subcommand: <c>/{command} {name}</c> and its options.</summary>
/// <param name="Name">Lower case, 1 to 32 letters, digits, <c>-</c> or <c>_</c>; unique within the command.</param>
/// <param name="Description">1 to 100 characters.</param>
public sealed record SubcommandDefinition(string Name, string Description)
{
    /// <summary>In the order users are offered them; required ones first.</summary>
    public IReadOnlyList<CommandOptionDefinition> Options { get; init; } = [];

    /// <summary>
    /// What a member needs to run this subcommand, beyond the command's own
    /// <see cref="CommandDefinition.RequiredPermission"/>. Transports cannot hide one subcommand
    /// (Discord's default permissions are per command), so the command checks it itself; /help shows it.
    /// </summary>
    public MemberPermission RequiredPermission { get; init; } = MemberPermission.None;

    public CommandOptionDefinition? Option(string name) =>
        Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));
}

/// <summary>One option of a command.</summary>
/// <param name="Name">Lower case, 1 to 32 letters, digits, <c>-</c> or <c>_</c>; unique within the command.</param>
/// <param name="Description">1 to 100 characters.</param>
public sealed record CommandOptionDefinition(string Name, string Description, OptionKind Kind, bool Required = false)
{
    /// <summary>Whether the transport asks the command for suggestions while the user types (text and whole numbers only).</summary>
    public bool Autocomplete { get; init; }

    /// <summary>Shortest text accepted (0 to 6000), for <see cref="OptionKind.String"/> only.</summary>
    public int? MinLength { get; init; }

    /// <summary>Longest text accepted (1 to 6000), for <see cref="OptionKind.String"/> only.</summary>
    public int? MaxLength { get; init; }

    /// <summary>For <see cref="OptionKind.Channel"/> only: the kinds of channel that may be picked; empty: any.</summary>
    public IReadOnlyList<ChannelKind> ChannelKinds { get; init; } = [];
}

/// <summary>What a channel is, as far as commands care; adapters map their own channel types to these.</summary>
public enum ChannelKind
{
    /// <summary>Not known: the transport did not say (the console), or a kind not listed here.</summary>
    Unknown,
    Text,
    Voice,
    Stage,
}

/// <summary>What an option's value is. Channels, users and roles arrive as opaque id strings.</summary>
[SuppressMessage("Naming", "CA1720:Identifiers should not contain type names", Justification = "The kinds mirror Discord's option types, named as in its API documentation.")]
public enum OptionKind
{
    String,
    Integer,
    Boolean,
    Channel,
    User,
    Role,
}

/// <summary>
/// Permissions a command can require, named for what they allow rather than by any transport's
/// bits; adapters map them. A set: combine with <c>|</c>.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Reads as each flag it holds: MemberPermission.ManageMessages.")]
[Flags]
public enum MemberPermission
{
    None = 0,
    ManageMessages = 1 << 0,
    PinMessages = 1 << 1,
    CreateEvents = 1 << 2,
    ManageEvents = 1 << 3,
    ManageGuild = 1 << 4,
    /// <summary>Holds every other permission.</summary>
    Administrator = 1 << 5,
}
