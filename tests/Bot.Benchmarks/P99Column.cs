using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace Bot.Benchmarks;

/// <summary>The 99th percentile of the measured iterations; BenchmarkDotNet ships P95 and P100 but no P99.</summary>
internal sealed class P99Column : IColumn
{
    public static readonly IColumn Instance = new P99Column();

    public string Id => nameof(P99Column);
    public string ColumnName => "P99";
    public string Legend => "Percentile 99 of the measured iterations";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Statistics;
    public int PriorityInCategory => 10; // after BenchmarkDotNet's percentile columns
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Time;

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null)
            return "NA";
        var nanoseconds = statistics.Percentiles.Percentile(99);
        var unit = style.TimeUnit ?? TimeUnit.GetBestTimeUnit(nanoseconds);
        // As many decimals as BenchmarkDotNet's own statistics columns would print for this table.
        var smallest = summary.Reports
            .Select(r => r.ResultStatistics?.Percentiles.Percentile(99))
            .Where(v => v is > 0 && double.IsFinite(v.Value))
            .Select(v => TimeUnit.Convert(v!.Value, TimeUnit.Nanosecond, unit))
            .DefaultIfEmpty(1)
            .Min();
        var decimals = smallest < 1 ? 4 : Math.Clamp((int)Math.Truncate(-Math.Log10(smallest)) + 3, 1, 4);
        var value = TimeUnit.Convert(nanoseconds, TimeUnit.Nanosecond, unit).ToString("N" + decimals, style.CultureInfo);
        return style.PrintUnitsInContent ? $"{value} {unit.Abbreviation}" : value;
    }

    public override string ToString() => ColumnName;
}
