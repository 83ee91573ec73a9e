namespace Bot.Knowledge.Indexing;

/// <summary>Something in the knowledge folder that is not read, and why.</summary>
/// <param name="RelativePath">Path under the knowledge folder with forward slashes.</param>
/// <param name="IsFolder">True for a folder that could not be listed: the documents indexed from it are kept.</param>
internal sealed record PassedOver(string RelativePath, string Reason, bool IsFolder);

/// <summary>
/// What the knowledge folder holds that the bot may read: regular Markdown files whose real
/// path is inside the folder. A symbolic link (to a file or a folder) is never followed, so a
/// link to the system's password file or to a secrets file cannot be indexed and posted by
/// <c>/search</c>; an entry that is empty or not a regular file (a named pipe or a device, which
/// report no length) is never opened, so a pipe cannot stall reloading; a folder that cannot be
/// listed is reported, and what was indexed from it is kept.
/// </summary>
internal sealed record KnowledgeScan(IReadOnlyList<KnowledgeFile> Files, IReadOnlyList<PassedOver> PassedOver)
{
    public static KnowledgeScan Of(string folder)
    {
        var root = Path.GetFullPath(folder);
        // The folder itself may be reached through a link (the operator's choice); below it, nothing is.
        if (new DirectoryInfo(root).ResolveLinkTarget(returnFinalTarget: true) is { } target)
            root = target.FullName;
        var files = new List<KnowledgeFile>();
        var passedOver = new List<PassedOver>();
        Walk(new DirectoryInfo(root), root, files, passedOver);
        return new KnowledgeScan(
            files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToArray(),
            passedOver.OrderBy(p => p.RelativePath, StringComparer.Ordinal).ToArray());
    }

    private static void Walk(DirectoryInfo directory, string root, List<KnowledgeFile> files, List<PassedOver> passedOver)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = directory.GetFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden });
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            passedOver.Add(new PassedOver(Relative(root, directory.FullName), $"the folder cannot be read ({e.Message}); what was indexed from it keeps answering", true));
            return;
        }

        foreach (var entry in entries)
        {
            var relative = Relative(root, entry.FullName);
            if (entry.LinkTarget is { } link || entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                if (entry is DirectoryInfo || KnowledgeFile.IsMarkdown(entry.Name))
                    passedOver.Add(new PassedOver(relative, $"a symbolic link (to {entry.LinkTarget}): only regular files inside the knowledge folder are read", false));
                continue;
            }

            if (entry is DirectoryInfo sub)
            {
                Walk(sub, root, files, passedOver);
                continue;
            }

            if (!KnowledgeFile.IsMarkdown(entry.Name) || entry is not FileInfo file)
                continue;
            if (file.Length == 0)
            {
                passedOver.Add(new PassedOver(relative, "empty, or not a regular file (a named pipe or a device): not read", false));
                continue;
            }

            files.Add(new KnowledgeFile(relative, file.FullName, file.Length, file.LastWriteTimeUtc));
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
