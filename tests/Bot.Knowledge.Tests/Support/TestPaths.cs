namespace Bot.Knowledge.Tests.Support;

/// <summary>Where the shipped knowledge and the shared eval files are, found from the test assembly.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ShippedKnowledge => Path.Combine(RepoRoot, "knowledge");

    public static string ShippedArticle => Path.Combine(ShippedKnowledge, "beyond-utopia-article.md");

    /// <summary>The shared folder lies beside the repository.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string SeedArticle => Path.Combine(Shared, "seed", "beyond-utopia-article.txt");

    public static string DevQuestions => Path.Combine(Shared, "eval", "dev-questions.jsonl");

    public static string Scorer => Path.Combine(Shared, "eval", "score.py");

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
