using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Bot.Commands.Definitions;

namespace Bot.Commands;

/// <summary>
/// The one list of commands: what is registered, dispatched and listed by <c>/help</c>. Refuses
/// to be built from definitions that break the limits, so a bad one stops start-up.
/// </summary>
public sealed class CommandCatalog
{
    private readonly FrozenDictionary<string, ICommand> _byName;

    public CommandCatalog(IEnumerable<ICommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        Commands = commands.OrderBy(c => c.Definition.Name, StringComparer.Ordinal).ToArray();
        Definitions = Commands.Select(c => c.Definition).ToArray();
        var problems = CommandDefinitionRules.Check(Definitions);
        if (problems.Count > 0)
            throw new InvalidOperationException($"Invalid command definitions: {string.Join("; ", problems)}");
        _byName = Commands.ToFrozenDictionary(c => c.Definition.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Sorted by name.</summary>
    public IReadOnlyList<ICommand> Commands { get; }

    /// <summary>Sorted by name.</summary>
    public IReadOnlyList<CommandDefinition> Definitions { get; }

    /// <summary>The command called <paramref name="name"/> (ignoring case), or null.</summary>
    public ICommand? Find(string? name) => name is not null && _byName.TryGetValue(name, out var command) ? command : null;

    public bool TryFind(string? name, [NotNullWhen(true)] out ICommand? command)
    {
        command = Find(name);
        return command is not null;
    }

    /// <summary>The command that owns a button with this custom id, or null when none does.</summary>
    public IComponentCommand? FindComponentOwner(string? customId) =>
        CustomIds.TrySplit(customId, out var name, out _) ? Find(name) as IComponentCommand : null;
}
