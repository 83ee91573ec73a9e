using System.Text.Json;

namespace Bot.Benchmarks;

/// <summary>
/// Finds the shipped knowledge folder and the dev questions. Benchmarks run from a build output
/// folder (several levels down when BenchmarkDotNet builds its own host project), so both are
/// looked for upwards from there; environment variables override the search.
/// </summary>
internal static class BenchmarkInputs
{
    public const string KnowledgeVariable = "BOT_BENCH_KNOWLEDGE";
    public const string QuestionsVariable = "BOT_BENCH_QUESTIONS";

    private static readonly Lazy<IReadOnlyList<string>> LoadedQuestions = new(LoadQuestions);

    public static string ShippedKnowledgeFolder =>
        Environment.GetEnvironmentVariable(KnowledgeVariable) is { Length: > 0 } set
            ? Path.GetFullPath(set)
            : FindUpwards(Path.Combine("knowledge", "synonyms.txt"))
              is { } synonyms
                ? Path.GetDirectoryName(synonyms)!
                : throw new InvalidOperationException($"Could not find the knowledge folder above {AppContext.BaseDirectory}; set {KnowledgeVariable}.");

    /// <summary>The "question" of every line of dev-questions.jsonl, in file order.</summary>
    public static IReadOnlyList<string> Questions => LoadedQuestions.Value;

    private static IReadOnlyList<string> LoadQuestions()
    {
        var path = Environment.GetEnvironmentVariable(QuestionsVariable) is { Length: > 0 } set
            ? Path.GetFullPath(set)
            : FindUpwards(Path.Combine("eval", "dev-questions.jsonl"))
              ?? FindUpwards(Path.Combine("shared", "eval", "dev-questions.jsonl"))
              // A fresh clone has no ../shared: the repository keeps its own copy of the public set.
              ?? FindUpwards(Path.Combine("tests", "data", "dev-questions.jsonl"))
              ?? throw new InvalidOperationException($"Could not find eval/dev-questions.jsonl above {AppContext.BaseDirectory}; set {QuestionsVariable}.");
        var questions = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            using var json = JsonDocument.Parse(line);
            questions.Add(json.RootElement.GetProperty("question").GetString()!);
        }

        if (questions.Count == 0)
            throw new InvalidOperationException($"{path} holds no questions.");
        return questions;
    }

    private static string? FindUpwards(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }
}
