namespace Bot.Commands.Tests.Support;

/// <summary>Where the shipped knowledge is, found from the test assembly (after Bot.Knowledge.Tests' helper).</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ShippedKnowledge => Path.Combine(RepoRoot, "knowledge");

    public static string ShippedArticle => Path.Combine(ShippedKnowledge, "beyond-utopia-article.md");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"No Bot.sln above {AppContext.BaseDirectory}");
    }
}
