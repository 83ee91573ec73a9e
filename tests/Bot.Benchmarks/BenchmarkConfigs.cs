using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;

namespace Bot.Benchmarks;

/// <summary>
/// One measured iteration per question asked, so the statistics columns are percentiles of single
/// calls. Outliers are kept (they are the tail P99 is about) and no full GC is forced between
/// iterations, so the collections a question's own garbage causes land in the calls that cause them.
/// </summary>
public sealed class LatencyConfig : ManualConfig
{
    /// <summary>
    /// Measured passes over the dev questions per launch: 50 × 31 questions × 3 processes = 4,650
    /// single-call samples per corpus, so P99 rests on about 45 calls rather than a handful.
    /// </summary>
    public const int Passes = 50;

    public LatencyConfig()
    {
        var questions = BenchmarkInputs.Questions.Count;
        AddJob(Job.Default
            .WithId("PerCall")
            .WithLaunchCount(3)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(2 * questions)
            .WithIterationCount(Passes * questions)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithGcForce(false));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, P99Column.Instance, StatisticColumn.Max);
    }
}

/// <summary>
/// Each iteration asks every dev question the same number of times, so Mean and Allocated are per
/// question averaged evenly over them.
/// </summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        var questions = BenchmarkInputs.Questions.Count;
        AddJob(Job.Default
            .WithId("AllQuestions")
            .WithLaunchCount(1)
            .WithInvocationCount(16 * questions)
            .WithUnrollFactor(1)
            .WithWarmupCount(3)
            .WithIterationCount(15));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median);
    }
}

/// <summary>A build needs a fresh folder per iteration (IterationSetup), so one invocation per iteration.</summary>
public sealed class BuildConfig : ManualConfig
{
    public BuildConfig()
    {
        AddJob(Job.Default
            .WithId("Build")
            .WithLaunchCount(1)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(2)
            .WithIterationCount(15)
            .WithOutlierMode(OutlierMode.DontRemove));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, P99Column.Instance, StatisticColumn.Max);
    }
}

/// <summary>One measured invocation per process, nothing run before it: first-start costs included.</summary>
public sealed class ColdStartConfig : ManualConfig
{
    public ColdStartConfig()
    {
        AddJob(Job.Default
            .WithId("ColdStart")
            .WithStrategy(RunStrategy.ColdStart)
            .WithLaunchCount(8)
            .WithWarmupCount(0)
            .WithIterationCount(1)
            .WithOutlierMode(OutlierMode.DontRemove));
        AddColumn(StatisticColumn.Median, StatisticColumn.Max);
    }
}
