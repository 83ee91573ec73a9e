using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Bot.Commands;
using Bot.Commands.About;
using Bot.Commands.Replies;
using Bot.Knowledge;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Indexing;
using Bot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Perfolizer.Mathematics.OutlierDetection;

namespace Bot.Benchmarks;

/// <summary>
/// Warm latency of one <c>/about</c> suggestion while a member types, over a knowledge folder of
/// 1,000 distinct names (the shape the command tests generate: 20 articles of 50 sentences, each
/// naming one person): the command's real entry point, <see cref="AboutCommand.AutocompleteAsync"/>,
/// through a <see cref="KnowledgeReader"/> on the on-disk index, so each call also reads the index
/// version that decides whether the topics must be read again. Each invocation types the next of
/// <see cref="Typed"/> (prefixes, mid-word fragments, accents, misses, an empty box) and is its own
/// measured iteration, so P99 is a percentile of single suggestions. Target: P99 under 5 ms.
/// </summary>
[Config(typeof(AutocompleteLatencyConfig))]
public class AutocompleteBenchmarks
{
    /// <summary>What members type, keystroke by keystroke and otherwise.</summary>
    internal static readonly string[] Typed =
    [
        "", "k", "ke", "kes", "kest", "kestrel", "kestrel b", "l", "lo", "loc", "lock", "lockhart",
        "z", "zo", "zoe", "ZOË BLACK", "é", "elodie", "ton", "ey", "market", "xyz", "s", "søren q",
        "a", "an", "ans", "people met", "part 1", "joaquin",
    ];

    private string? _root;
    private KnowledgeStore? _store;
    private AboutCommand? _about;
    private AutocompleteContext[] _contexts = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), $"bot-bench-autocomplete-{Guid.NewGuid():N}");
        var knowledge = Path.Combine(_root, "knowledge");
        GeneratedKnowledge.WriteNames(knowledge);
        _store = new KnowledgeStore(KnowledgeIndex.Open(Path.Combine(_root, "index")));
        new KnowledgeSynchronizer(_store, knowledge, 4 * 1024 * 1024, NullLogger.Instance).Synchronize();
        var reader = new KnowledgeReader(new AnswerEngine(_store), _store);
        _about = new AboutCommand();
        _contexts = Typed.Select(typed => new AutocompleteContext
        {
            CommandName = AboutCommand.Name,
            FocusedOption = AboutCommand.TopicOption,
            FocusedValue = typed,
            Invoker = new CommandInvoker("1", "Member"),
            Knowledge = reader,
        })
            .ToArray();

        var clock = Stopwatch.StartNew();
        var topics = new TopicCache().For(reader).Topics.Count;
        var built = clock.Elapsed;
        // Warm: the command's own topic cache, JIT tiering.
        while (clock.Elapsed < TimeSpan.FromSeconds(3))
        {
            foreach (var context in _contexts)
                Suggest(context);
        }

        Console.WriteLine($"// {topics} topics read from {GeneratedKnowledge.Names.Count} names in {built.TotalMilliseconds:N1} ms");
        _next = 0;
    }

    [Benchmark]
    public IReadOnlyList<AutocompleteChoice> Autocomplete()
    {
        var context = _contexts[_next];
        _next = _next + 1 == _contexts.Length ? 0 : _next + 1;
        return Suggest(context);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        if (_root is not null && Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    // Completes synchronously: the topics are in memory.
    private IReadOnlyList<AutocompleteChoice> Suggest(AutocompleteContext context) =>
        _about!.AutocompleteAsync(context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
}

/// <summary>One measured invocation per iteration (see <see cref="LatencyConfig"/>), over every typed input many times.</summary>
public sealed class AutocompleteLatencyConfig : ManualConfig
{
    public const int Passes = 100;

    public AutocompleteLatencyConfig()
    {
        AddJob(Job.Default
            .WithId("PerCall")
            .WithLaunchCount(2)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(2 * AutocompleteBenchmarks.Typed.Length)
            .WithIterationCount(Passes * AutocompleteBenchmarks.Typed.Length)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithGcForce(false));
        AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Median, BenchmarkDotNet.Columns.StatisticColumn.P95, P99Column.Instance, BenchmarkDotNet.Columns.StatisticColumn.Max);
    }
}
