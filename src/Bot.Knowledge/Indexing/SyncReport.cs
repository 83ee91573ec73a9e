namespace Bot.Knowledge.Indexing;

/// <summary>What one pass over the knowledge folder changed.</summary>
public sealed record SyncReport(int Added, int Updated, int Removed, int Unchanged, IReadOnlyList<SkippedFile> Skipped, bool SynonymsReloaded)
{
    public bool Changed => Added + Updated + Removed > 0 || SynonymsReloaded;
}

/// <summary>A knowledge file that could not be used, and why.</summary>
public sealed record SkippedFile(string Path, string Reason);
