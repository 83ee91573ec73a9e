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
    /// <summary>In the order users are offered them; required ones first.</summary>
    public IReadOnlyList<CommandOptionDefinition> Options { get; init; } = [];

    /// <summary>What a member needs to see and run the command; <see cref="MemberPermission.None"/>: anyone.</summary>
    public MemberPermission RequiredPermission { get; init; } = MemberPermission.None;

    /// <summary>Whether replies are shown only to the person who ran the command, unless the command decides otherwise.</summary>
    public bool Ephemeral { get; init; }

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
}

/// <summary>What an option's value is. Channels, users and roles arrive as opaque id strings.</summary>
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
