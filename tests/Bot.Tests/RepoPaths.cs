namespace Bot.Tests;

/// <summary>Finds the repository (and the shared folder beside it) from the test assembly's location.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    /// <summary>The public question set from ../shared when that folder is there, else its copy in tests/data.</summary>
    public static string DevQuestions
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared", "eval", "dev-questions.jsonl"));
            return File.Exists(shared) ? shared : Path.Combine(Root, "tests", "data", "dev-questions.jsonl");
        }
    }

    /// <summary>The public community-style set (its copy in tests/data: the same file).</summary>
    public static string CommunityQuestions => Path.Combine(Root, "tests", "data", "community-questions.jsonl");

    /// <summary>Our own community-style set, never fitted on (docs/RETRIEVAL.md, section 8).</summary>
    public static string OurCommunityQuestions => Path.Combine(Root, "tests", "data", "community-questions-ours.jsonl");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fresh folder under the system temp folder, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bot-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that held a file open may still be exiting; the OS temp cleaner gets it.
        }
    }
}
