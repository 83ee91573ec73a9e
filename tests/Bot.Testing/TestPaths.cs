namespace Bot.Testing;

/// <summary>Where the repository, the shipped knowledge and the question sets are, found from the test assembly.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ShippedKnowledge => Path.Combine(RepoRoot, "knowledge");

    public static string ShippedArticle => Path.Combine(ShippedKnowledge, "beyond-utopia-article.md");

    /// <summary>The shared folder lies beside the repository.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string SeedArticle => SharedOrCopy(Path.Combine("seed", "beyond-utopia-article.txt"));

    public static string DevQuestions => SharedOrCopy(Path.Combine("eval", "dev-questions.jsonl"));

    /// <summary>Our own paraphrased and near-domain questions (tests/data), written to check that retrieval generalises.</summary>
    public static string ParaphraseQuestions => Path.Combine(RepoRoot, "tests", "data", "paraphrase-questions.jsonl");

    /// <summary>The public community-style sets: questions typed the way members type them.</summary>
    public static string CommunityQuestions => SharedOrCopy(Path.Combine("eval", "community-questions.jsonl"));

    public static string CommunityQuestions2 => SharedOrCopy(Path.Combine("eval", "community-questions-2.jsonl"));

    /// <summary>Our own community-style set, fitted on since the question probe (docs/RETRIEVAL.md, section 8).</summary>
    public static string OurCommunityQuestions => Path.Combine(RepoRoot, "tests", "data", "community-questions-ours.jsonl");

    /// <summary>Our own community-style set, written to be fitted on (docs/RETRIEVAL.md, section 8).</summary>
    public static string MoreCommunityQuestions => Path.Combine(RepoRoot, "tests", "data", "community-questions-more.jsonl");

    /// <summary>Our own community-style set in the manner of the public community set, written to be fitted on (docs/RETRIEVAL.md, section 8).</summary>
    public static string ExtraCommunityQuestions => Path.Combine(RepoRoot, "tests", "data", "community-questions-extra.jsonl");

    /// <summary>Our own set of slang, sceptical and false-premise questions, written to be fitted on (docs/RETRIEVAL.md, section 8).</summary>
    public static string SlangCommunityQuestions => Path.Combine(RepoRoot, "tests", "data", "community-questions-slang.jsonl");

    /// <summary>Our own set written like the public community set, to be fitted on (docs/RETRIEVAL.md, section 8).</summary>
    public static string MembersCommunityQuestions => Path.Combine(RepoRoot, "tests", "data", "community-questions-members.jsonl");

    /// <summary>Our own set of plain, keyword and near-miss questions, written to be fitted on (docs/RETRIEVAL.md, section 8).</summary>
    public static string PlainQuestions => Path.Combine(RepoRoot, "tests", "data", "plain-questions.jsonl");

    /// <summary>Our own set of community, slang and formal questions with many near-misses, written to be fitted on after being scored unseen (docs/RETRIEVAL.md, section 8).</summary>
    public static string ThreadsCommunityQuestions => Path.Combine(RepoRoot, "tests", "data", "community-questions-threads.jsonl");

    /// <summary>Our own community-style set, never fitted on: the check that shares no fit's bias (docs/RETRIEVAL.md, section 8).</summary>
    public static string FreshCommunityQuestions => Path.Combine(RepoRoot, "tests", "data", "community-questions-fresh.jsonl");

    /// <summary>Our own set of plain questions like the dev set, never fitted on (docs/RETRIEVAL.md, section 8).</summary>
    public static string FreshPlainQuestions => Path.Combine(RepoRoot, "tests", "data", "plain-questions-fresh.jsonl");

    /// <summary>Our community-style set by a further writer (2026-12-07, seventh session), never fitted on (docs/RETRIEVAL.md, section 8).</summary>
    public static string NewCommunityQuestions => Path.Combine(RepoRoot, "tests", "data", "community-questions-new.jsonl");

    /// <summary>Our second set of plain questions like the dev set (2026-12-07, seventh session), never fitted on (docs/RETRIEVAL.md, section 8).</summary>
    public static string SecondPlainQuestions => Path.Combine(RepoRoot, "tests", "data", "plain-questions-2.jsonl");

    /// <summary>Our sets kept out of every fit: what they score is what unseen questions of their kind may see.</summary>
    public static IReadOnlyList<string> NeverFittedSets => [FreshCommunityQuestions, FreshPlainQuestions, NewCommunityQuestions, SecondPlainQuestions];

    /// <summary>Every public set the shipped scorer was fitted on (docs/RETRIEVAL.md), in the order 'fit' is given them.</summary>
    public static IReadOnlyList<string> FittedSets => [DevQuestions, CommunityQuestions, CommunityQuestions2, ParaphraseQuestions, OurCommunityQuestions, MoreCommunityQuestions,
        ExtraCommunityQuestions, SlangCommunityQuestions, MembersCommunityQuestions, PlainQuestions, ThreadsCommunityQuestions];

    public static string Scorer => Path.Combine(Shared, "eval", "score.py");

    /// <summary>The file in ../shared when that folder is there, else the copy in tests/data (see its README).</summary>
    private static string SharedOrCopy(string relative)
    {
        var shared = Path.Combine(Shared, relative);
        return File.Exists(shared) ? shared : Path.Combine(RepoRoot, "tests", "data", Path.GetFileName(relative));
    }

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
