using System.Diagnostics;
using System.Globalization;

namespace Bot.Benchmarks;

/// <summary>
/// Small helpers for the Stopwatch-based modes of <see cref="Program"/> (the measurements that
/// are a single long run rather than many BenchmarkDotNet iterations): options, percentiles,
/// machine load.
/// </summary>
internal static class Harness
{
    /// <summary>
    /// The q-th percentile (0-100) of <paramref name="sorted"/>, interpolating linearly between
    /// order statistics (Hyndman-Fan type 7, as BenchmarkDotNet's percentile columns do).
    /// </summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
            return double.NaN;
        var h = (sorted.Count - 1) * q / 100.0;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    /// <summary>"median 9.1 ms, p95 12.0 ms, p99 14.2 ms, max 20.3 ms, mean 9.5 ms (n = 1,550)" of latencies in milliseconds.</summary>
    public static string Summary(List<double> milliseconds)
    {
        milliseconds.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"median {Ms(Percentile(milliseconds, 50))}, p95 {Ms(Percentile(milliseconds, 95))}, p99 {Ms(Percentile(milliseconds, 99))}, "
            + $"max {Ms(milliseconds[^1])}, mean {Ms(milliseconds.Average())} (n = {milliseconds.Count:N0})");
    }

    public static string Ms(double milliseconds) => milliseconds switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{milliseconds * 1000:N0} µs"),
        < 100 => string.Create(CultureInfo.InvariantCulture, $"{milliseconds:N2} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{milliseconds:N0} ms"),
    };

    public static double Milliseconds(long startTimestamp, long endTimestamp) =>
        (endTimestamp - startTimestamp) * 1000.0 / Stopwatch.Frequency;

    /// <summary>The 1-minute load average and the number of processors, for the record of how busy the machine was.</summary>
    public static string Load()
    {
        try
        {
            var average = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return $"load average {average} on {Environment.ProcessorCount} cores";
        }
        catch (IOException)
        {
            return $"{Environment.ProcessorCount} cores";
        }
    }

    /// <summary>This process's resident set and its peak, in MB, from /proc/self/status (Linux).</summary>
    public static string ResidentMemory()
    {
        try
        {
            var lines = File.ReadAllLines("/proc/self/status");
            string Value(string key) => lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
                ? (long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MB"
                : "?";
            return $"VmRSS {Value("VmRSS:")}, VmHWM {Value("VmHWM:")}";
        }
        catch (IOException)
        {
            return "resident memory unknown";
        }
    }

    /// <summary>Parses "--name value" options; a bare "--name" is "true".</summary>
    public static Dictionary<string, string> Options(string[] args, params string[] known)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            var name = args[i][2..];
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"unknown option '--{name}'; known: {string.Join(", ", known.Select(k => "--" + k))}");
            options[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        return options;
    }

    /// <summary>Extra settings for the bot process only, from <c>--bot-env NAME=VALUE,NAME=VALUE</c> (e.g. <c>Discord__Interactions__DeferAfter=00:00:00.5</c>).</summary>
    public static Dictionary<string, string> BotEnvironment(this Dictionary<string, string> options) =>
        options.GetValueOrDefault("bot-env", "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");

    public static int Int(this Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public static double Double(this Dictionary<string, string> options, string name, double fallback) =>
        options.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
