using System.Globalization;

namespace Bot.Benchmarks.Overload;

/// <summary>
/// <c>--http-load --overload</c>, <c>--gateway-load --overload</c>: finds the bot's capacity (the highest
/// offered rate of distinct /ask it sustains: every interaction answered within Discord's 3 s, without a
/// backlog building up), then offers
/// twice that for a minute and reports what members would notice: every interaction acknowledged within
/// 3 s or not, goodput (answers delivered per second, at once or by edit) against capacity, how many were
/// deferred and how many told the bot is busy, the bot's peak memory, and whether any was lost.
/// </summary>
internal static class OverloadBenchmark
{
    /// <summary>The least goodput under overload, as a share of capacity, that passes.</summary>
    private const double GoodputBar = 0.9;

    /// <summary>The options of <c>--overload</c>, which <c>--http-load</c> and <c>--gateway-load</c> both take.</summary>
    public static IReadOnlyList<string> OptionNames { get; } = ["overload", "start-rate", "step-seconds", "factor", "capacity", "confirm", "pairs", "drain", "bot-log-file"];

    public static async Task<int> RunAsync(OverloadTarget target, Dictionary<string, string> options)
    {
        var startRate = options.Int("start-rate", 50);
        var stepSeconds = options.Double("step-seconds", 20);
        var seconds = options.Double("seconds", 60);
        var factor = options.Double("factor", 2);
        var drain = TimeSpan.FromSeconds(options.Double("drain", 60));
        var payloads = new AskPayloads(target.Discord, BenchmarkInputs.Questions);
        Console.WriteLine($"# {target.Transport} overload: {Harness.Load()}");

        // Warm-up (not reported): JIT, the model's first inferences, connection pools.
        await OverloadPhase.RunAsync(target, payloads, Math.Min(50, startRate), 4, drain);
        double capacity;
        if (options.TryGetValue("capacity", out var given))
        {
            capacity = double.Parse(given, CultureInfo.InvariantCulture);
        }
        else
        {
            var (searched, offered) = await FindCapacityAsync(target, payloads, startRate, stepSeconds, drain);
            capacity = !options.ContainsKey("confirm") || offered == 0
                ? searched
                : await ConfirmCapacityAsync(target, payloads, offered, searched, seconds, drain);
        }

        if (capacity <= 0)
        {
            Console.WriteLine("No rate was answered in time; nothing to overload.");
            return 1;
        }

        var rate = (int)Math.Round(capacity * factor);
        await BotProcess.SettleAsync(target.Bot.Id);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## {factor:0.#} × capacity ({capacity:N0} /s): {rate} /s for {seconds:N0} s; {Harness.Load()}"));
        var result = await OverloadPhase.RunAsync(target, payloads, rate, seconds, drain);
        PrintOverload(result, capacity, target);
        if (options.Int("pairs", 0) is var pairs and > 0)
            await RunPairsAsync(target, payloads, (int)Math.Round(capacity), rate, seconds, drain, pairs);

        if (options.TryGetValue("bot-log-file", out var logFile))
        {
            // The bot's whole log (at --bot-log's level), for what the summary above does not say.
            lock (target.Log)
            {
                File.WriteAllText(logFile, target.Log.ToString());
            }
        }

        return 0;
    }

    /// <summary>
    /// Rising rates (×1.25) until one is not sustained (<see cref="PhaseResult.Sustained"/>), then halvings of
    /// the gap down to a few percent: the answered rate of the highest that was, and that offered rate. Returns 0 when even the first was not.
    /// </summary>
    private static async Task<(double Capacity, int Offered)> FindCapacityAsync(OverloadTarget target, AskPayloads payloads, int startRate, double stepSeconds, TimeSpan drain)
    {
        Console.WriteLine();
        Console.WriteLine($"## Capacity: {stepSeconds:N0} s per rate");
        Console.WriteLine();
        PrintCapacityHeader();
        var (passed, failed, capacity) = (0, 0, 0.0);
        for (var rate = startRate; failed == 0 || failed - passed > Math.Max(5, passed / 16);)
        {
            var result = await SettledPhaseAsync(target, payloads, rate, stepSeconds, drain);
            PrintCapacityRow(result);
            if (result.Sustained)
            {
                (passed, capacity) = (rate, result.Answered / stepSeconds);
            }
            else
            {
                failed = rate;
            }

            rate = failed == 0 ? RoundTo5(rate * 1.25) : RoundTo5((passed + failed) / 2.0);
            if (failed != 0 && (rate <= passed || rate >= failed))
                break;
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Capacity: {capacity:N0} answered /s (offered {passed} /s: every answer within 3 s, and in the bot's own time but for 1 %; {failed} /s was not)."));
        return (capacity, passed);
    }

    /// <summary>
    /// <c>--confirm</c>: the searched rate held for as long as the overload will last (<paramref name="seconds"/>), stepping
    /// down 5 % at a time (at most four tries) until one is: the answered rate of the first that holds. A rate a little over
    /// what the bot sustains can pass a 20 s step, its answers slipping past <c>DeferAfter</c> only near the end
    /// (docs/PERFORMANCE.md). When none holds, the search's figure stands, and the overload is measured against it.
    /// </summary>
    private static async Task<double> ConfirmCapacityAsync(OverloadTarget target, AskPayloads payloads, int offered, double searched, double seconds, TimeSpan drain)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## Capacity held for {seconds:N0} s"));
        Console.WriteLine();
        PrintCapacityHeader();
        for (var (rate, tries) = (offered, 0); tries < 4; (rate, tries) = (RoundTo5(rate * 0.95), tries + 1))
        {
            var result = await SettledPhaseAsync(target, payloads, rate, seconds, drain);
            PrintCapacityRow(result);
            if (result.Sustained)
            {
                var held = result.Answered / seconds;
                Console.WriteLine();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Capacity held: {held:N0} answered /s (offered {rate} /s for {seconds:N0} s; the {offered} /s search step gave {searched:N0})."));
                return held;
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"No rate held for {seconds:N0} s; the search's {searched:N0} /s stands."));
        return searched;
    }

    /// <summary>
    /// <c>--pairs N</c>: N times, the capacity's rate then the overload's, each for <paramref name="seconds"/>, one right
    /// after the other: the goodput under overload against what the bot answered at capacity the minute before. This
    /// VM's pace wanders by a tenth within minutes (docs/PERFORMANCE.md), and the search that finds the capacity runs
    /// several minutes before the overload; a pair measures both at the same pace.
    /// </summary>
    private static async Task RunPairsAsync(OverloadTarget target, AskPayloads payloads, int capacityRate, int overloadRate, double seconds, TimeSpan drain, int pairs)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## {pairs} pairs: {capacityRate} /s, then {overloadRate} /s, {seconds:N0} s each"));
        Console.WriteLine();
        Console.WriteLine("| Pair | At capacity: answered /s | Deferred | Under overload: goodput /s | Busy | Goodput of the answered rate | Acknowledged ≤ 3 s | Lost | Cores: bot / load (capacity, overload) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var pair = 1; pair <= pairs; pair++)
        {
            var steady = await SettledPhaseAsync(target, payloads, capacityRate, seconds, drain);
            var over = await SettledPhaseAsync(target, payloads, overloadRate, seconds, drain);
            var answered = steady.AnsweredDuringPhase / seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {pair} | {answered:N0} | {steady.Deferred:N0} | {over.Goodput:N0} | {over.Busy:N0} | {over.Goodput / answered:P0} "
                + $"| {steady.AckedInTime + over.AckedInTime:N0} of {steady.Sent + over.Sent:N0} | {steady.Lost + over.Lost} "
                + $"| {steady.Cores.Bot:N2} / {steady.Cores.Own:N2}, {over.Cores.Bot:N2} / {over.Cores.Own:N2} |"));
        }
    }

    /// <summary>A phase once the bot's CPU has settled from the one before, so one phase's backlog does not count in the next.</summary>
    private static async Task<PhaseResult> SettledPhaseAsync(OverloadTarget target, AskPayloads payloads, int rate, double seconds, TimeSpan drain)
    {
        await BotProcess.SettleAsync(target.Bot.Id);
        return await OverloadPhase.RunAsync(target, payloads, rate, seconds, drain);
    }

    private static void PrintCapacityHeader()
    {
        Console.WriteLine("| Offered /s | Answered /s | Answered in 3 s | Answer p50 | p99 | max | Deferred | Busy | Acks late or missing | Cores: bot / load / others | Load avg | In capacity |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---|");
    }

    private static void PrintCapacityRow(PhaseResult r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {r.Rate} | {r.Answered / r.Seconds:N0} | {r.AnsweredInWindow:N0} of {r.Sent:N0} | {Ms(r.AnswerMilliseconds, 50)} | {Ms(r.AnswerMilliseconds, 99)} "
            + $"| {Ms(r.AnswerMilliseconds, 100)} | {r.Deferred} | {r.Busy} | {r.AckedLate + r.NotAcked} | {Cores(r)} | {Harness.Load().Split(' ')[2]} | {(r.Sustained ? "yes" : "no")} |"));

    private static string Cores(PhaseResult r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Cores.Bot:N2} / {r.Cores.Own:N2} / {r.OthersCores:N2}");

    private static void PrintOverload(PhaseResult r, double capacity, OverloadTarget target)
    {
        Console.WriteLine();
        Console.WriteLine("| Offered /s | Interactions | Acknowledged ≤ 3 s | Late | None | Answered at once | by edit | Goodput /s | of capacity | Deferred | Busy | Apologies | Lost | Bot peak RSS | Cores: bot / load / others |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {r.Rate} | {r.Sent:N0} | {r.AckedInTime:N0} | {r.AckedLate} | {r.NotAcked} | {r.AnsweredAtOnce:N0} | {r.AnsweredAfterDeferral:N0} | {r.Goodput:N0} "
            + $"| {r.Goodput / capacity:P0} | {r.Deferred:N0} | {r.Busy:N0} | {r.Errors} | {r.Lost} | {r.PeakResidentMb} MB | {Cores(r)} |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"- Acknowledgement (from sending to the initial response): p50 {Ms(r.AckMilliseconds, 50)}, p99 {Ms(r.AckMilliseconds, 99)}, max {Ms(r.AckMilliseconds, 100)}."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"- Answer (at once or by edit): p50 {Ms(r.AnswerMilliseconds, 50)}, p99 {Ms(r.AnswerMilliseconds, 99)}, max {Ms(r.AnswerMilliseconds, 100)}; the last {r.LastAnswer.TotalSeconds:N1} s after the start ({r.Answered:N0} answers in all)."));
        Console.WriteLine($"- Every interaction acknowledged within 3 s: {(r.AckedInTime == r.Sent ? "yes" : $"NO ({r.AckedLate} late, {r.NotAcked} never)")}.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"- Goodput ≥ {GoodputBar:P0} of capacity: {(r.Goodput >= GoodputBar * capacity ? "yes" : "NO")} ({r.Goodput:N0} of {capacity:N0} /s)."));
        Console.WriteLine($"- Nothing lost (every interaction got its answer or the busy reply): {(r.Lost == 0 && r.Errors == 0 ? "yes" : $"NO ({r.Lost} lost, {r.Errors} apologies)")}.");
        if (r.OtherRequests.Length > 0)
            Console.WriteLine($"- Other requests to Discord's webhooks: {r.OtherRequests}.");
        if (r.SendLag > TimeSpan.FromMilliseconds(50))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- The load generator fell up to {r.SendLag.TotalMilliseconds:N0} ms behind its schedule."));
        var failures = BotProcess.Lines(target.Log, "fail:", "crit:");
        Console.WriteLine(failures.Count == 0 ? "- The bot logged no failure." : $"- The bot logged {failures.Count} failures; the first: {failures[0]}");
        // Warnings say what the bot did about the load (a reconnect, a dropped window) where the counts above cannot.
        // Grouped by category and event id (a message names its interaction, so each one differs).
        foreach (var group in BotProcess.Entries(target.Log, "warn:").GroupBy(entry => entry.Split(' ', 3)[1]))
            Console.WriteLine($"- The bot logged {group.Count()} × warn: {group.Key}; the last: {group.Last()}");
        Console.WriteLine($"- {Harness.Load()} at the end.");
    }

    private static string Ms(List<double> sorted, double percentile) =>
        sorted.Count == 0 ? "–" : Harness.Ms(percentile >= 100 ? sorted[^1] : Harness.Percentile(sorted, percentile));

    private static int RoundTo5(double rate) => Math.Max(5, (int)Math.Round(rate / 5) * 5);
}
