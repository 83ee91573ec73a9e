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
public class LatencyConfig : ManualConfig
{
    /// <summary>
    /// Measured passes over the dev questions per launch: 50 × 31 questions × 3 processes = 4,650
    /// single-call samples per corpus, so P99 rests on about 45 calls rather than a handful.
    /// </summary>
    public const int Passes = 50;

    public LatencyConfig()
    {
        AddJob(PerCall().WithId("PerCall"));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, P99Column.Instance, StatisticColumn.Max);
    }

    /// <summary>One invocation per iteration, outliers kept, no forced collections.</summary>
    protected static Job PerCall()
    {
        var questions = BenchmarkInputs.Questions.Count;
        return Job.Default
            .WithLaunchCount(3)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(2 * questions)
            .WithIterationCount(Passes * questions)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithGcForce(false);
    }
}

/// <summary>
/// <see cref="LatencyConfig"/> plus the same job with a 64 MiB gen0 budget. On this 2-core VM the
/// runtime picks a gen0 budget of about 2 MB, so one call in 25–35 meets a gen0 collection (about
/// 1 ms): that, not the engine's own work, is the shipped p99. The second job shows what the same
/// code does when collections are rare, and what <c>DOTNET_GCgen0size</c> buys an operator.
/// </summary>
public sealed class GcLatencyConfig : LatencyConfig
{
    public const string LargeGen0 = "0x4000000";

    public GcLatencyConfig() =>
        AddJob(PerCall().WithId("PerCall-Gen0-64MB").WithEnvironmentVariables(new EnvironmentVariable("DOTNET_GCgen0size", LargeGen0)));
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
