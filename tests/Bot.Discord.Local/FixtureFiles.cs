namespace Bot.Discord.Local;

/// <summary>
/// Finds the Discord fixtures: <c>../shared/discord/fixtures</c> beside the repository (found by
/// walking up to Bot.sln) when it exists, else the copies vendored in <c>Fixtures/</c>.
/// </summary>
public static class FixtureFiles
{
    public static string? SharedDirectory { get; } = FindShared();

    public static string VendoredDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Directory { get; } = SharedDirectory ?? VendoredDirectory;

    public static IReadOnlyList<string> Names { get; } =
        System.IO.Directory.EnumerateFiles(Directory, "*.json")
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

    private static string? FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "discord", "fixtures"));
                return System.IO.Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}
