using System.Diagnostics;
using Bot.Knowledge;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Search;

namespace Bot.Benchmarks;

/// <summary>
/// <c>--hybrid-breakdown</c>: where a warm hybrid question's time goes. For every dev question, in
/// turn: embedding it alone (the model), the brute-force scan over every passage vector alone
/// (<c>VectorTable.Nearest</c>), the lexical <c>Ask</c>, the hybrid <c>Ask</c> with its embedding cached
/// and the hybrid <c>Ask</c> that embeds it. Same index and model as <see cref="HybridAskBenchmarks"/>.
/// </summary>
internal static class HybridBreakdown
{
    public static int Run(string[] args)
    {
        var options = Harness.Options(args, "corpus", "passes");
        var corpus = Enum.Parse<Corpus>(options.GetValueOrDefault("corpus", nameof(Corpus.Generated10k)), ignoreCase: true);
        var passes = options.Int("passes", 30);
        var questions = BenchmarkInputs.Questions.ToArray();

        Console.WriteLine($"# hybrid Ask breakdown, {corpus}{(corpus == Corpus.Generated10k ? " (synthetic stored vectors)" : "")}, {passes} passes over {questions.Length} dev questions; {Harness.Load()}");
        using var setup = new HybridSetup(corpus);
        var cachedStore = setup.Open(1024);
        var cached = new AnswerEngine(cachedStore);
        var uncached = new AnswerEngine(setup.Share(cachedStore, 0));
        AskSetup.Warm(cached, questions);
        AskSetup.Warm(uncached, questions);

        var parts = new (string Name, Action<string> Run)[]
        {
            ("model: embed the question (MiniLmEmbedder.Embed)", q => setup.Model.Embed([q])),
            ("scan: VectorTable.Nearest(question, 20) over every passage vector", q => Scan(cachedStore, setup, q)),
            ("Ask, lexical", q => cached.Ask(q, mode: RetrievalMode.Lexical)),
            ("Ask, hybrid, question embedding cached", q => cached.Ask(q)),
            ("Ask, hybrid, question embedded (cache off)", q => uncached.Ask(q)),
        };
        var times = parts.Select(_ => new List<double>()).ToArray();
        for (var pass = -3; pass < passes; pass++) // three unmeasured passes warm the scan path too
        {
            foreach (var question in questions)
            {
                for (var p = 0; p < parts.Length; p++)
                {
                    var start = Stopwatch.GetTimestamp();
                    parts[p].Run(question);
                    if (pass >= 0)
                        times[p].Add(Harness.Milliseconds(start, Stopwatch.GetTimestamp()));
                }
            }
        }

        for (var p = 0; p < parts.Length; p++)
            Console.WriteLine($"{parts[p].Name,-70} {Harness.Summary(times[p])}");

        Console.WriteLine($"# {Harness.Load()} at the end");
        return 0;
    }

    private static readonly Dictionary<string, float[]> QuestionVectors = new(StringComparer.Ordinal);

    /// <summary>The scan as <c>AnswerEngine.Ask</c> runs it, on the question's (cached) vector.</summary>
    private static void Scan(KnowledgeStore store, HybridSetup setup, string question)
    {
        if (!QuestionVectors.TryGetValue(question, out var vector))
            QuestionVectors[question] = vector = setup.Model.Embed([question])[0];
        using var lease = store.Index.Acquire();
        IndexSnapshot.Of(lease.Searcher).Vectors(lease.Searcher, vector.Length).Nearest(vector, 20);
    }
}
