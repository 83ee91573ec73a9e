using Bot.Discord.Models.Commands;

namespace Bot.Registration;

/// <summary>
/// How Discord's commands in one scope differ from ours, by command: what a bulk overwrite adds, changes
/// (with the first field that differs) and removes. None of them: Discord already has our commands.
/// </summary>
public sealed record CommandChanges(
    IReadOnlyList<string> Added,
    IReadOnlyList<CommandChange> Changed,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Unchanged)
{
    public bool Any => Added.Count + Changed.Count + Removed.Count > 0;

    /// <summary>Compares the commands Discord lists (<paramref name="onDiscord"/>) with <paramref name="ours"/>, in any order.</summary>
    internal static CommandChanges Between(IReadOnlyList<ApplicationCommand> onDiscord, IReadOnlyList<ApplicationCommand> ours)
    {
        var theirs = new Dictionary<string, ApplicationCommand>(StringComparer.Ordinal);
        foreach (var command in onDiscord)
            theirs.TryAdd(CommandFields.Key(command), command);
        var added = new List<string>();
        var changed = new List<CommandChange>();
        var unchanged = new List<string>();
        foreach (var command in ours)
        {
            var key = CommandFields.Key(command);
            if (!theirs.TryGetValue(key, out var registered))
                added.Add(key);
            else if (FirstDifference(command, registered) is { } field)
                changed.Add(new CommandChange(key, field));
            else
                unchanged.Add(key);
        }

        var kept = ours.Select(CommandFields.Key).ToHashSet(StringComparer.Ordinal);
        var removed = onDiscord.Select(CommandFields.Key).Where(key => !kept.Contains(key)).Distinct().ToList();
        return new CommandChanges(added, changed, removed, unchanged);
    }

    /// <summary>The path of the first field in which Discord's copy differs from ours, or null when none does.</summary>
    internal static string? FirstDifference(ApplicationCommand ours, ApplicationCommand registered)
    {
        var wanted = CommandFields.Of(ours, ours);
        var found = CommandFields.Of(registered, ours).ToDictionary(f => f.Path, f => f.Value, StringComparer.Ordinal);
        foreach (var (path, value) in wanted)
        {
            if (!found.Remove(path, out var other) || other != value)
                return path;
        }

        // Fields only Discord's copy has: options of ours that it lacks are caught above, so these are its extra options.
        return found.Keys.FirstOrDefault();
    }

    /// <summary>One line for the log: why a bulk overwrite is needed.</summary>
    public string Summary()
    {
        var reasons = Added.Select(name => $"/{name} is missing")
            .Concat(Changed.Select(change => $"/{change.Name} differs in {change.Field}"))
            .Concat(Removed.Select(name => $"/{name} is not one of ours"));
        return string.Join("; ", reasons);
    }

    /// <summary>What <c>register-commands</c> prints, a line per command.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var name in Added)
            yield return $"  + /{name} (added)";
        foreach (var change in Changed)
            yield return $"  ~ /{change.Name} (changed: {change.Field})";
        foreach (var name in Removed)
            yield return $"  - /{name} (removed)";
        foreach (var name in Unchanged)
            yield return $"    /{name} (unchanged)";
    }
}

/// <summary>A command Discord has in another form: <paramref name="Field"/> is the first field that differs.</summary>
public sealed record CommandChange(string Name, string Field);
