using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;

namespace Bot.Benchmarks;

/// <summary>
/// <c>--fast-start</c>: the bot executable (Release, <c>Discord:Transport=Http</c>) started on a
/// knowledge folder of 10,008 passages it has never indexed (<see cref="RecombinedCorpus"/> and the
/// shipped article), as an operator starts it the first time. Measured from the process start:
/// the first answer to a signed /ask (sent every 100 ms until one answers), the swap to answers by
/// meaning once every passage is embedded, with the embedding figures the bot logs (texts, time,
/// texts/s), and the first answer after it; then a warm restart on the same data folder, which must
/// embed nothing. <c>--documents N</c> (1-200, 50 passages each) runs on the first N documents;
/// <c>--no-restart</c> skips the restart; <c>--first-answer</c> stops at the first answer (no
/// waiting for the embedding, no restart).
/// </summary>
internal static partial class FastStart
{
    /// <summary>A dev question the words alone answer on the recombined folder too (with its sentences repeated everywhere, several others abstain).</summary>
    private const string Question = "Who is the director of Beyond Utopia?";
    private const string Expected = "Gavin";
    private const string EditOriginal = "update_original_webhook_message";

    public static async Task<int> Run(string[] args)
    {
        var options = Harness.Options(args, "documents", "no-restart", "first-answer");
        var firstAnswerOnly = options.ContainsKey("first-answer");
        var documents = options.Int("documents", RecombinedCorpus.Documents);
        var root = Path.Combine(Path.GetTempPath(), "bot-bench-fast-start-" + Guid.NewGuid().ToString("N"));
        var knowledge = Path.Combine(root, "knowledge");
        var data = Path.Combine(root, "data");
        try
        {
            var passages = RecombinedCorpus.Write(knowledge, BenchmarkInputs.ShippedKnowledgeFolder, documents);
            Console.WriteLine($"# fast start: {passages:N0} recombined passages in {documents} files + the shipped knowledge, no index yet; {Harness.Load()}");
            await using var discord = await LocalDiscordServer.StartAsync();
            var cold = await Launch(discord, knowledge, data, untilHybrid: !firstAnswerOnly);
            Report("Cold start", cold);
            if (!options.ContainsKey("no-restart") && !firstAnswerOnly)
            {
                var warm = await Launch(discord, knowledge, data, untilHybrid: false);
                Report("Warm restart", warm);
                if (warm.Lines.Any(l => l.Contains("Embedding ", StringComparison.Ordinal)))
                    throw new InvalidOperationException("The warm restart embedded again.");
            }
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }

        return 0;
    }

    /// <param name="FirstReply">The first reply from the knowledge: the answer, or "the knowledge does not cover that".</param>
    /// <param name="FirstAnswer">The first reply naming the director.</param>
    private sealed record Timings(TimeSpan FirstReply, TimeSpan FirstAnswer, TimeSpan? Hybrid, TimeSpan? HybridAnswer, string PeakMemory, IReadOnlyList<string> Lines);

    private static async Task<Timings> Launch(LocalDiscordServer discord, string knowledge, string data, bool untilHybrid)
    {
        var port = BotExecutable.FreePort();
        using var delivery = new HttpDelivery(discord, new Uri($"http://127.0.0.1:{port}/interactions"), TimeSpan.FromSeconds(10));
        var lines = new ConcurrentQueue<string>();
        var settings = new Dictionary<string, string>
        {
            ["Knowledge__Folder"] = knowledge,
            ["Knowledge__DataFolder"] = data,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Bot.Knowledge"] = "Information",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["Commands__Cooldown__Questions"] = "0", // one member asks every 100 ms
        };
        var clock = Stopwatch.StartNew();
        using var bot = BotExecutable.StartHttp(discord, port, delivery.PublicKeyHex, settings, line => Collect(lines, clock, line));
        try
        {
            var (reply, answer) = await FirstAnswerAsync(discord, delivery, bot, clock);
            if (!untilHybrid)
                return new Timings(reply, answer, null, null, PeakMemory(bot.Id), lines.ToArray());
            var hybrid = await HybridAsync(bot, lines, clock);
            var started = clock.Elapsed;
            await FirstAnswerAsync(discord, delivery, bot, clock);
            return new Timings(reply, answer, hybrid, clock.Elapsed - started, PeakMemory(bot.Id), lines.ToArray());
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
        }
    }

    /// <summary>Keeps the bot's log with the time since its start, and shows its progress lines as they come.</summary>
    private static void Collect(ConcurrentQueue<string> lines, Stopwatch clock, string line)
    {
        lines.Enqueue(line);
        if (line.Contains("Embedd", StringComparison.Ordinal) || line.Contains("Knowledge ready", StringComparison.Ordinal)
            || line.Contains("Every passage", StringComparison.Ordinal) || line.Contains("Now listening", StringComparison.Ordinal)
            || line.StartsWith("fail", StringComparison.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{clock.Elapsed.TotalSeconds,7:0.0} s] {line}"));
        }
    }

    /// <summary>Sends /ask every 100 ms until one is answered with the director's name; when the first reply came, and when that answer.</summary>
    private static async Task<(TimeSpan Reply, TimeSpan Answer)> FirstAnswerAsync(LocalDiscordServer discord, HttpDelivery delivery, Process bot, Stopwatch clock)
    {
        string? seen = null;
        TimeSpan? reply = null;
        while (true)
        {
            if (bot.HasExited)
                throw new InvalidOperationException($"The bot exited ({bot.ExitCode}) before answering.");
            var result = await delivery.DeliverAsync(InteractionPayloads.SlashCommand(discord, "ask", [("question", Question)]));
            if (result.Status == 200 && result.ResponseType() is 4 or 5)
                reply ??= clock.Elapsed;
            if ((result.Status == 200 && result.ResponseType() == 4 && result.Body.Contains(Expected, StringComparison.Ordinal))
                || (result.Status == 200 && result.ResponseType() == 5 && await EditedAsync(discord, result.Token!)))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{clock.Elapsed.TotalSeconds,7:0.0} s] answered"));
                return (reply!.Value, clock.Elapsed);
            }

            // Each new kind of non-answer once: refused (not listening yet), timed out, or a reply that is not the answer.
            var kind = result.Status == 0 ? (result.TimedOut ? "no reply within 10 s" : "not listening") : $"HTTP {result.Status}: {result.Body[..Math.Min(120, result.Body.Length)]}";
            if (kind != seen)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{clock.Elapsed.TotalSeconds,7:0.0} s] not the answer yet: {kind}"));
            seen = kind;
            await Task.Delay(100);
        }
    }

    /// <summary>A deferred answer arrives as an edit of the original response: waits up to 15 s for one naming the director.</summary>
    private static async Task<bool> EditedAsync(LocalDiscordServer discord, string token)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (discord.RequestsTo(EditOriginal).Any(r => r.Path.Contains(token, StringComparison.Ordinal) && r.Body.Contains(Expected, StringComparison.Ordinal)))
                return true;
            await Task.Delay(20);
        }

        return false;
    }

    private static async Task<TimeSpan> HybridAsync(Process bot, ConcurrentQueue<string> lines, Stopwatch clock)
    {
        while (!lines.Any(l => l.Contains("Every passage has its vectors", StringComparison.Ordinal)))
        {
            if (bot.HasExited)
                throw new InvalidOperationException($"The bot exited ({bot.ExitCode}) before embedding every passage.");
            await Task.Delay(200);
        }

        return clock.Elapsed;
    }

    private static void Report(string what, Timings timings)
    {
        Console.WriteLine();
        Console.WriteLine($"## {what}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process start to first reply: {timings.FirstReply.TotalSeconds:N2} s; to first answer (\"{Question}\" answered with \"{Expected}\"): **{timings.FirstAnswer.TotalSeconds:N2} s**"));
        if (timings.Lines.FirstOrDefault(l => l.Contains("Knowledge ready from", StringComparison.Ordinal)) is { } ready)
            Console.WriteLine($"bot: {ready.Trim()}");
        if (timings.Hybrid is { } hybrid)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process start to every passage embedded (answers by meaning): **{hybrid.TotalMinutes:N1} min**; first answer after it {timings.HybridAnswer!.Value.TotalMilliseconds:N0} ms"));
        foreach (var finished in timings.Lines.Select(l => EmbeddedLine().Match(l)).Where(m => m.Success))
            Console.WriteLine($"bot: {finished.Value}");
        Console.WriteLine($"bot peak memory: {timings.PeakMemory}; {Harness.Load()}");
    }

    private static string PeakMemory(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return (long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024).ToString("N0", CultureInfo.InvariantCulture) + " MB (VmHWM)";
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            return "?";
        }
    }

    [GeneratedRegex(@"Embedded \d+ texts of \d+ passages in .*\(.* texts/s\)")]
    private static partial Regex EmbeddedLine();
}
