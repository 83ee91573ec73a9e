using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Discord.Local;

namespace Bot.Benchmarks;

/// <summary>
/// <c>--gateway-load</c>: the bot executable (Release build) connected to the local Discord's
/// gateway, sent /ask interactions at fixed rising rates (open loop: the schedule does not wait
/// for answers, as real users do not). Per rate: callbacks per second, time from
/// INTERACTION_CREATE sent to the callback received (p50, p99), how many were deferred (answer
/// not ready within the dispatcher's 1 s), how many never got a callback, and the bot's resident
/// memory. Every question is distinct (<see cref="AskPayloads.Distinct"/>: letter case varied), so the
/// question-embedding cache never hits, and comes from a different member, so the per-member cooldown never refuses it.
/// </summary>
internal static class GatewayLoad
{
    public static async Task<int> Run(string[] args)
    {
        var options = Harness.Options(args, ["rates", "seconds", "semantic", "warmup", "bot-log", "bot-env", .. Overload.OverloadBenchmark.OptionNames]);
        var rates = options.GetValueOrDefault("rates", "25,50,100,200,400")
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var seconds = options.Double("seconds", 10);
        var semantic = options.GetValueOrDefault("semantic", "true");
        var warmup = options.Int("warmup", 200);
        var questions = BenchmarkInputs.Questions;
        if (options.ContainsKey("overload"))
        {
            await using var target = await Overload.GatewayOverloadTarget.StartAsync(semantic, options.GetValueOrDefault("bot-log", "Warning"), options.BotEnvironment());
            return await Overload.OverloadBenchmark.RunAsync(target, options);
        }

        await using var discord = await LocalDiscordServer.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "bot-gateway-load-" + Guid.NewGuid().ToString("N"));
        var log = new System.Text.StringBuilder();
        using var bot = BotProcess.Start(discord, data, semantic, "Warning", new Dictionary<string, string>(), log);
        try
        {
            var started = Stopwatch.StartNew();
            while (discord.Gateway.CurrentSessionId is null)
            {
                if (bot.HasExited || started.Elapsed > TimeSpan.FromMinutes(3))
                    throw new InvalidOperationException($"The bot did not connect:\n{log}");
                await Task.Delay(20);
            }

            Console.WriteLine($"# gateway load: bot (Release, Knowledge:Semantic={semantic}) connected in {started.Elapsed.TotalSeconds:N1} s "
                              + $"(index built, model loaded); {Harness.Load()}");
            var payloads = new AskPayloads(discord, questions);
            await Measure(discord, payloads, Math.Min(50, rates[0]), warmup / (double)Math.Min(50, rates[0]));

            Console.WriteLine();
            Console.WriteLine("| Offered /s | Answered /s | Time to callback p50 | p99 | max | Deferred | No callback | Bot RSS |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var rate in rates)
            {
                var result = await Measure(discord, payloads, rate, seconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {rate} | {result.Answered / seconds:N0} | {Harness.Ms(Harness.Percentile(result.Latencies, 50))} | {Harness.Ms(Harness.Percentile(result.Latencies, 99))} "
                    + $"| {Harness.Ms(result.Latencies.LastOrDefault())} | {result.Deferred} | {result.Missing} | {BotProcess.ResidentMb(bot.Id)} |"));
            }
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }

        return 0;
    }

    private sealed record Result(List<double> Latencies, int Answered, int Deferred, int Missing);

    private static async Task<Result> Measure(LocalDiscordServer discord, AskPayloads payloads, int rate, double seconds)
    {
        var count = (int)(rate * seconds);
        var sent = new Dictionary<string, DateTimeOffset>(count);
        var before = discord.RequestsTo("create_interaction_response").Count;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)rate);
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed);
            var ask = payloads.Next();
            sent[ask.Id.ToString(CultureInfo.InvariantCulture)] = DateTimeOffset.UtcNow;
            await discord.Gateway.DispatchInteractionAsync(ask.Json);
        }

        // Stragglers: Discord's window is 3 s, so anything later has failed anyway.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (discord.RequestsTo("create_interaction_response").Count - before < count && DateTime.UtcNow < deadline)
            await Task.Delay(20);

        var latencies = new List<double>(count);
        var deferred = 0;
        foreach (var callback in discord.RequestsTo("create_interaction_response").Skip(before))
        {
            var id = callback.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1];
            if (!sent.TryGetValue(id, out var at))
                continue;
            latencies.Add((callback.ReceivedAt - at).TotalMilliseconds);
            if (JsonNode.Parse(callback.Body)?["type"]?.GetValue<int>() == 5)
                deferred++;
        }

        latencies.Sort();
        return new Result(latencies, latencies.Count, deferred, count - latencies.Count);
    }
}
