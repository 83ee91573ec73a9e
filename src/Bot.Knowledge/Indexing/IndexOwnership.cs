namespace Bot.Knowledge.Indexing;

/// <summary>
/// Which process may write the on-disk index: the one holding an exclusive lock on a file next to
/// it. Lucene's own <c>write.lock</c> does not keep a second process out on Linux (both get it,
/// and the second deletes the file when it closes), so the claim is made here first: a file opened
/// with <see cref="FileShare.None"/>, which .NET backs with an OS lock (<c>flock</c>) that the
/// kernel releases when the process dies, even by <c>kill -9</c>. The file is never deleted: a
/// deleted lock file would let the next process lock a new one while this one still writes.
/// </summary>
internal sealed class IndexOwnership : IDisposable
{
    private readonly FileStream _claim;

    private IndexOwnership(FileStream claim) => _claim = claim;

    /// <summary>Claims the index for this process, or returns null when another process holds it (or the folder is read-only).</summary>
    public static IndexOwnership? TryClaim(string indexFolder)
    {
        var path = PathFor(indexFolder);
        try
        {
            return new IndexOwnership(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Beside the index folder, not in it: a damaged index is cleared file by file, and the claim must survive that.</summary>
    public static string PathFor(string indexFolder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(indexFolder)) + ".owner";

    public void Dispose() => _claim.Dispose();
}
