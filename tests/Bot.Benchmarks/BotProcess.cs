using System.Diagnostics;
using System.Globalization;
using System.Net;
using Bot.Discord.Local;

namespace Bot.Benchmarks;

/// <summary>
/// The bot executable (the Release build next to the benchmarks) as a process of its own, talking to the
/// local Discord, and what the load modes read of it from /proc (Linux): CPU time, threads, memory.
/// </summary>
internal static class BotProcess
{
    public static async Task WaitReadyAsync(Process bot, int port, System.Text.StringBuilder log)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (bot.HasExited || started.Elapsed > TimeSpan.FromMinutes(3))
                throw new InvalidOperationException($"The bot did not get ready:\n{log}");
            try
            {
                using var probe = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
                if (probe.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet: Kestrel starts once the index is built.
            }

            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Starts the bot against <paramref name="discord"/>: on its gateway, or with <paramref name="http"/> as an
    /// HTTP interactions endpoint on that port trusting that public key. <paramref name="environment"/> adds or
    /// overrides settings (e.g. <c>Discord__Interactions__DeferAfter</c>); stderr lines other than info and
    /// debug are kept in <paramref name="log"/>.
    /// </summary>
    public static Process Start(
        LocalDiscordServer discord, string data, string semantic, string logLevel,
        IReadOnlyDictionary<string, string> environment, System.Text.StringBuilder log, (int Port, string PublicKey)? http = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Knowledge__Folder"] = BenchmarkInputs.ShippedKnowledgeFolder,
            ["Knowledge__DataFolder"] = data,
            ["Knowledge__Semantic"] = semantic,
            ["Logging__LogLevel__Default"] = logLevel,
        };
        foreach (var (name, value) in environment)
            settings[name] = value;

        // Keep only what may explain a failure.
        return BotExecutable.Start(discord, http, settings, line =>
        {
            if (!line.StartsWith("info:", StringComparison.Ordinal) && !line.StartsWith("dbug:", StringComparison.Ordinal))
                lock (log) log.AppendLine(line);
        });
    }

    public static List<string> Lines(System.Text.StringBuilder log, params string[] prefixes)
    {
        lock (log)
        {
            return log.ToString().Split('\n').Where(line => prefixes.Any(p => line.StartsWith(p, StringComparison.Ordinal))).ToList();
        }
    }

    /// <summary>
    /// The log entries whose first line starts with one of <paramref name="prefixes"/>, each with its message
    /// (the console formatter writes the category line, then the message indented on the next).
    /// </summary>
    public static List<string> Entries(System.Text.StringBuilder log, params string[] prefixes)
    {
        string[] lines;
        lock (log)
        {
            lines = log.ToString().Split('\n');
        }

        return lines.Select((line, i) => (line, i))
            .Where(x => prefixes.Any(p => x.line.StartsWith(p, StringComparison.Ordinal)))
            .Select(x => x.i + 1 < lines.Length ? $"{x.line.Trim()} {lines[x.i + 1].Trim()}" : x.line.Trim())
            .ToList();
    }

    /// <summary>The process's user + system CPU time so far, from /proc/&lt;pid&gt;/stat (Linux; clock ticks of 1/100 s).</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime field 15.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return double.NaN;
        }
    }

    /// <summary>CPU time the whole machine spent busy so far (all cores; /proc/stat, clock ticks of 1/100 s): with the bot's and ours, what others took.</summary>
    public static double MachineBusySeconds()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // cpu user nice system idle iowait irq softirq steal
            var busy = new[] { 1, 2, 3, 6, 7, 8 }.Sum(i => long.Parse(cpu[i], CultureInfo.InvariantCulture));
            return busy / 100.0;
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or InvalidOperationException)
        {
            return double.NaN;
        }
    }

    public static int Threads(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Threads:", StringComparison.Ordinal));
            return int.Parse(line[8..].Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Waits (at most 30 s) until the bot is idle: work it still does for the previous rate (answers
    /// nobody waits for any more) must not be counted against the next.
    /// </summary>
    public static async Task SettleAsync(int pid)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            var before = CpuSeconds(pid);
            await Task.Delay(500);
            if (CpuSeconds(pid) - before < 0.05)
                return;
        }
    }

    /// <summary>The most memory the process ever had resident (VmHWM), in MB; 0 when unknown.</summary>
    public static long PeakResidentMb(int pid) => StatusKilobytes(pid, "VmHWM:") / 1024;

    /// <summary>The process's resident memory now (VmRSS), in kB; 0 when unknown.</summary>
    public static long ResidentKilobytes(int pid) => StatusKilobytes(pid, "VmRSS:");

    private static long StatusKilobytes(int pid, string key)
    {
        try
        {
            var line = File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith(key, StringComparison.Ordinal));
            return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException)
        {
            return 0;
        }
    }

    public static string ResidentMb(int pid)
    {
        try
        {
            var line = File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return (long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024).ToString(CultureInfo.InvariantCulture) + " MB";
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            return "?";
        }
    }
}
