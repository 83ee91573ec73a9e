namespace Bot.Registration;

/// <summary>What a bulk overwrite changed, by command name, for <c>register-commands</c> to print.</summary>
public sealed record CommandChanges(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Unchanged)
{
    public bool Any => Added.Count + Changed.Count + Removed.Count > 0;

    public IEnumerable<string> Lines()
    {
        foreach (var name in Added)
            yield return $"  + /{name} (added)";
        foreach (var name in Changed)
            yield return $"  ~ /{name} (changed)";
        foreach (var name in Removed)
            yield return $"  - /{name} (removed)";
        foreach (var name in Unchanged)
            yield return $"    /{name} (unchanged)";
    }
}
