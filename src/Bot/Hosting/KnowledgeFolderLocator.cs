namespace Bot.Hosting;

/// <summary>
/// Finds the repository's <c>knowledge/</c> folder when none is configured, so
/// <c>dotnet run --project src/Bot -- ask ...</c> works from the repository root, from a
/// sub-folder, or from the build output.
/// </summary>
internal static class KnowledgeFolderLocator
{
    public const string FolderName = "knowledge";

    public static string Locate(string workingDirectory, string executableDirectory)
    {
        foreach (var start in new[] { workingDirectory, executableDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, FolderName);
                if (Directory.Exists(candidate))
                    return candidate;
            }
        }

        // Not found: name the place a user would expect, so the error message points there.
        return Path.Combine(workingDirectory, FolderName);
    }
}
