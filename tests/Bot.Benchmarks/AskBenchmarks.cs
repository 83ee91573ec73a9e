using System.Diagnostics;
using System.Runtime;
using BenchmarkDotNet.Attributes;
using Bot.Knowledge;
using Bot.Knowledge.Answering;

namespace Bot.Benchmarks;

/// <summary>
/// Warm latency of one <see cref="AnswerEngine.Ask"/>: every invocation asks the next dev question
/// (cycling), and each invocation is its own measured iteration, so Median, P95 and P99 are
/// percentiles of single-question latencies across all the dev questions. The index is on disk,
/// built once in GlobalSetup; the engine and its passage-analysis cache are warmed before measuring.
/// </summary>
[Config(typeof(GcLatencyConfig))]
public class AskBenchmarks : AskBenchmarksBase;

/// <summary>
/// Mean time and allocations per question, averaged evenly over the dev questions: each iteration
/// asks every question the same number of times (see <see cref="ThroughputConfig"/>).
/// </summary>
[Config(typeof(ThroughputConfig))]
public class AskThroughputBenchmarks : AskBenchmarksBase;

public abstract class AskBenchmarksBase
{
    private ScratchFolder? _scratch;
    private KnowledgeStore? _store;
    private AnswerEngine? _engine;
    private QuestionCycle? _questions;

    [Params(Corpus.Shipped, Corpus.Generated10k)]
    public Corpus Corpus { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_scratch, _store, _engine, var questions) = AskSetup.Prepare(Corpus);
        _questions = new QuestionCycle(questions);
    }

    [Benchmark]
    public Answer Ask() => _engine!.Ask(_questions!.Next());

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        _scratch?.Dispose();
    }
}

internal static class AskSetup
{
    /// <summary>Passes over the dev questions before measuring: JIT tiering and the passage-analysis cache settle.</summary>
    private const int WarmupPasses = 30;

    /// <summary>
    /// And until the JIT has compiled nothing for this long: tiered compilation promotes hot methods
    /// in the background after a delay, so a fixed number of calls (or a fixed time, on a busy
    /// 2-core machine) can end while some code still runs unoptimised, and those calls land in p99.
    /// </summary>
    private static readonly TimeSpan JitQuiet = TimeSpan.FromSeconds(1);

    /// <summary>A bound on the wait above, so a method the JIT keeps recompiling cannot hang set-up.</summary>
    private static readonly TimeSpan WarmupLimit = TimeSpan.FromSeconds(30);

    public static (ScratchFolder Scratch, KnowledgeStore Store, AnswerEngine Engine, string[] Questions) Prepare(Corpus corpus)
    {
        var scratch = new ScratchFolder(corpus);
        var clock = Stopwatch.StartNew();
        var (store, report) = scratch.OpenAndSynchronize(scratch.NewIndexFolder());
        var built = clock.Elapsed;
        var engine = new AnswerEngine(store);
        var questions = BenchmarkInputs.Questions.ToArray();
        var answered = Warm(engine, questions);
        Console.WriteLine($"// {corpus}: {report.Added} files indexed in {built.TotalMilliseconds:N0} ms from {scratch.KnowledgeFolder}; "
                          + $"{answered} of {questions.Length} dev questions answered");
        return (scratch, store, engine, questions);
    }

    /// <summary>Asks the questions over and over (in the engine's default mode) until JIT tiering and the caches settle; returns how many are answered.</summary>
    public static int Warm(AnswerEngine engine, string[] questions)
    {
        var answered = 0;
        foreach (var question in questions)
        {
            if (engine.Ask(question).Answered)
                answered++;
        }

        var warming = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var lastCompile = TimeSpan.Zero;
        for (var pass = 1; pass < WarmupPasses || (warming.Elapsed - lastCompile < JitQuiet && warming.Elapsed < WarmupLimit); pass++)
        {
            foreach (var question in questions)
                engine.Ask(question);
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
                (compiled, lastCompile) = (now, warming.Elapsed);
        }

        return answered;
    }
}
