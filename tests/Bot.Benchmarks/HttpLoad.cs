using System.Diagnostics;
using System.Globalization;
using Bot.Discord.Local;
using Bot.Discord.Local.Interactions;

namespace Bot.Benchmarks;

/// <summary>
/// <c>--http-load</c>: the bot executable (Release build) in Http mode (<c>Discord:Transport=Http</c>),
/// sent signed /ask interactions by the local Discord's <see cref="HttpDelivery"/> at fixed rising
/// rates (open loop: each request is sent on schedule, concurrently, without waiting for earlier
/// answers, as Discord does). Per rate: answers per second, time from the POST to the whole answer
/// read (p50, p99, max), errors (anything but a 200 within Discord's 3 s: other statuses, timeouts,
/// late answers), how many were deferred (answer not ready within the dispatcher's 1 s; their edit of
/// <c>@original</c> is checked too), the bot's CPU (cores) and resident memory. Every question is
/// distinct (its letters' case varied, see <see cref="AskPayloads.Distinct"/>), so the question-embedding cache
/// never hits, and answered as the question itself is; each comes from another member (no one hits
/// the per-member question cooldown). The highest rate with
/// p99 under 500 ms and no error is the sustained rate.
/// </summary>
internal static class HttpLoad
{
    /// <summary>Discord's window: an answer later than this is as good as none.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan SustainedP99 = TimeSpan.FromMilliseconds(500);

    private const string EditOriginal = "update_original_webhook_message";

    public static async Task<int> Run(string[] args)
    {
        var options = Harness.Options(args, ["rates", "seconds", "semantic", "warmup", "target", "bot-log", "bot-env", .. Overload.OverloadBenchmark.OptionNames]);
        var rates = options.GetValueOrDefault("rates", "50,100,200,300,400,600")
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var seconds = options.Double("seconds", 10);
        var semantic = options.GetValueOrDefault("semantic", "true");
        var warmup = options.Int("warmup", 200);
        var target = options.Int("target", 250);
        var botLog = options.GetValueOrDefault("bot-log", "Warning");

        var botEnvironment = options.BotEnvironment();
        var questions = BenchmarkInputs.Questions;
        if (options.ContainsKey("overload"))
        {
            await using var endpoint = await Overload.HttpOverloadTarget.StartAsync(semantic, botLog, botEnvironment);
            return await Overload.OverloadBenchmark.RunAsync(endpoint, options);
        }

        await using var discord = await LocalDiscordServer.StartAsync();
        var port = BotExecutable.FreePort();
        using var delivery = new HttpDelivery(discord, new Uri($"http://127.0.0.1:{port}/interactions"), TimeSpan.FromSeconds(5));
        var data = Path.Combine(Path.GetTempPath(), "bot-http-load-" + Guid.NewGuid().ToString("N"));
        var log = new System.Text.StringBuilder();
        using var bot = BotProcess.Start(discord, data, semantic, botLog, botEnvironment, log, (port, delivery.PublicKeyHex));
        try
        {
            var started = Stopwatch.StartNew();
            await BotProcess.WaitReadyAsync(bot, port, log);
            Console.WriteLine($"# http load: bot (Release, Knowledge:Semantic={semantic}, Discord:Transport=Http, bot log level {botLog}"
                              + string.Concat(botEnvironment.Select(pair => $", {pair.Key}={pair.Value}")) + ") ready in "
                              + $"{started.Elapsed.TotalSeconds:N1} s (index built, model loaded); {Harness.Load()}");
            var payloads = new AskPayloads(discord, questions);
            var warmupRate = Math.Min(50, rates[0]);
            await Measure(discord, delivery, payloads, warmupRate, warmup / (double)warmupRate, bot.Id);

            var (sustained, notes) = await MeasureRatesAsync(discord, delivery, payloads, rates, seconds, bot.Id);
            PrintSummary(sustained, notes, rates, target, log);
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }

        return 0;
    }

    /// <summary>The table: one row per offered rate; returns the highest sustained rate and the notes on errors and lag.</summary>
    private static async Task<(int Sustained, List<string> Notes)> MeasureRatesAsync(
        LocalDiscordServer discord, HttpDelivery delivery, AskPayloads payloads, int[] rates, double seconds, int botPid)
    {
        Console.WriteLine();
        Console.WriteLine("| Offered /s | Answered /s | p50 | p99 | max | Errors | Deferred (edited) | Bot CPU (cores) | Load CPU (cores) | Others' CPU (cores) | Bot RSS | Bot threads | Load avg |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var sustained = 0;
        var notes = new List<string>();
        foreach (var rate in rates)
        {
            await BotProcess.SettleAsync(botPid);
            var result = await Measure(discord, delivery, payloads, rate, seconds, botPid);
            var p99 = Harness.Percentile(result.Latencies, 99);
            if (result.Errors == 0 && p99 < SustainedP99.TotalMilliseconds)
                sustained = Math.Max(sustained, rate);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {rate} | {result.Answered / seconds:N0} | {Harness.Ms(Harness.Percentile(result.Latencies, 50))} | {Harness.Ms(p99)} "
                + $"| {Harness.Ms(result.Latencies.LastOrDefault())} | {result.Errors} | {result.Deferred} ({result.Edited}) | {result.BotCores:N2} "
                + $"| {result.OwnCores:N2} | {Math.Max(0, result.MachineCores - result.BotCores - result.OwnCores):N2} | {BotProcess.ResidentMb(botPid)} | {result.PeakThreads} | {Harness.Load().Split(' ')[2]} |"));
            if (result.ErrorKinds.Count > 0)
                notes.Add($"{rate}/s errors: {string.Join(", ", result.ErrorKinds.Select(k => $"{k.Value} × {k.Key}"))}");
            if (result.SendLag > TimeSpan.FromMilliseconds(50))
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{rate}/s: the load generator fell up to {result.SendLag.TotalMilliseconds:N0} ms behind its schedule"));
        }

        return (sustained, notes);
    }

    private static void PrintSummary(int sustained, List<string> notes, int[] rates, int target, System.Text.StringBuilder log)
    {
        Console.WriteLine();
        foreach (var note in notes)
            Console.WriteLine($"- {note}");
        var verdict = sustained >= target ? "met" : rates.Any(r => r >= target) ? "MISSED" : "not tried (no rate that high)";
        Console.WriteLine(sustained > 0
            ? $"Highest sustained rate (p99 < {SustainedP99.TotalMilliseconds:N0} ms, no errors): {sustained}/s; target {target}/s {verdict}. {Harness.Load()}"
            : $"No rate was sustained (p99 < {SustainedP99.TotalMilliseconds:N0} ms, no errors); target {target}/s {verdict}. {Harness.Load()}");
        var failures = BotProcess.Lines(log, "fail:", "crit:");
        if (failures.Count > 0)
            Console.WriteLine($"The bot logged {failures.Count} failures; the first: {failures[0]}");
    }

    private sealed record Result(
        List<double> Latencies, int Answered, int Errors, Dictionary<string, int> ErrorKinds, int Deferred, int Edited,
        double BotCores, double OwnCores, double MachineCores, TimeSpan SendLag, int PeakThreads);

    private static async Task<Result> Measure(LocalDiscordServer discord, HttpDelivery delivery, AskPayloads payloads, int rate, double seconds, int botPid)
    {
        var count = (int)(rate * seconds);
        var answers = new Task<HttpDeliveryResult>[count];
        var editsBefore = discord.RequestsTo(EditOriginal).Count;
        var botCpuBefore = BotProcess.CpuSeconds(botPid);
        var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var machineCpuBefore = BotProcess.MachineBusySeconds();
        var lag = TimeSpan.Zero;
        var peakThreads = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            lag = await OpenLoop.WaitTurnAsync(clock, i, rate, lag);
            if (i % rate == 0)
                peakThreads = Math.Max(peakThreads, BotProcess.Threads(botPid));
            answers[i] = delivery.DeliverAsync(payloads.Next().Json);
        }

        peakThreads = Math.Max(peakThreads, BotProcess.Threads(botPid));
        var all = Task.WhenAll(answers);
        while (!all.IsCompleted)
        {
            peakThreads = Math.Max(peakThreads, BotProcess.Threads(botPid));
            await Task.WhenAny(all, Task.Delay(100));
        }

        var results = await all;
        var elapsed = clock.Elapsed.TotalSeconds;
        var botCores = (BotProcess.CpuSeconds(botPid) - botCpuBefore) / elapsed;
        var ownCores = (Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore).TotalSeconds / elapsed;
        var machineCores = (BotProcess.MachineBusySeconds() - machineCpuBefore) / elapsed;

        var (latencies, errors, deferred) = Tally(results);

        // A deferred answer ends with an edit of @original (useful to the user for the token's 15 minutes); give stragglers 10 s.
        var until = DateTime.UtcNow.AddSeconds(10);
        while (EditsDone(discord, editsBefore) < deferred && DateTime.UtcNow < until)
            await Task.Delay(20);

        latencies.Sort();
        return new Result(latencies, latencies.Count, count - latencies.Count, errors, deferred, EditsDone(discord, editsBefore), botCores, ownCores, machineCores, lag, peakThreads);
    }

    /// <summary>Sorts the answers into latencies (answered in time) and errors by kind; counts the deferred ones.</summary>
    private static (List<double> Latencies, Dictionary<string, int> Errors, int Deferred) Tally(HttpDeliveryResult[] results)
    {
        var latencies = new List<double>(results.Length);
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        var deferred = 0;
        foreach (var result in results)
        {
            var type = result.Status == 200 ? result.ResponseType() : null;
            var error = result switch
            {
                { Status: 0 } => result.TimedOut ? "timeout" : "no answer",
                { Status: not 200 } => $"HTTP {result.Status}",
                _ when result.Elapsed > Window => "answered after 3 s",
                _ when type is not (4 or 5) => $"response type {type?.ToString(CultureInfo.InvariantCulture) ?? "none"}",
                _ when !result.Acknowledged => "refused by Discord: " + result.Refusal,
                _ => null,
            };
            if (error is not null)
            {
                errors[error] = errors.GetValueOrDefault(error) + 1;
                continue;
            }

            latencies.Add(result.Elapsed.TotalMilliseconds);
            if (type == 5)
                deferred++;
        }

        return (latencies, errors, deferred);
    }

    private static int EditsDone(LocalDiscordServer discord, int before) =>
        discord.RequestsTo(EditOriginal).Skip(before).Count(edit => edit.Status == 200);
}
