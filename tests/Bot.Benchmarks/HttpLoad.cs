using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
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
/// distinct (its letters' case varied, see <see cref="Distinct"/>), so the question-embedding cache
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
        var options = Harness.Options(args, "rates", "seconds", "semantic", "warmup", "target", "bot-log", "bot-env");
        var rates = options.GetValueOrDefault("rates", "50,100,200,300,400,600")
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        var seconds = options.Double("seconds", 10);
        var semantic = options.GetValueOrDefault("semantic", "true");
        var warmup = options.Int("warmup", 200);
        var target = options.Int("target", 250);
        var botLog = options.GetValueOrDefault("bot-log", "Warning");

        // Extra settings for the bot only, "NAME=VALUE,NAME=VALUE" (e.g. Discord__Interactions__DeferAfter=00:00:00.5).
        var botEnvironment = options.GetValueOrDefault("bot-env", "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");
        var questions = BenchmarkInputs.Questions;

        await using var discord = await LocalDiscordServer.StartAsync();
        var port = BotExecutable.FreePort();
        using var delivery = new HttpDelivery(discord, new Uri($"http://127.0.0.1:{port}/interactions"), TimeSpan.FromSeconds(5));
        var data = Path.Combine(Path.GetTempPath(), "bot-http-load-" + Guid.NewGuid().ToString("N"));
        var log = new System.Text.StringBuilder();
        using var bot = StartBot(discord, port, delivery.PublicKeyHex, data, semantic, botLog, botEnvironment, log);
        try
        {
            var started = Stopwatch.StartNew();
            await WaitReadyAsync(bot, port, log);
            Console.WriteLine($"# http load: bot (Release, Knowledge:Semantic={semantic}, Discord:Transport=Http, bot log level {botLog}"
                              + string.Concat(botEnvironment.Select(pair => $", {pair.Key}={pair.Value}")) + ") ready in "
                              + $"{started.Elapsed.TotalSeconds:N1} s (index built, model loaded); {Harness.Load()}");
            var payloads = new Payloads(discord, questions);
            var warmupRate = Math.Min(50, rates[0]);
            await Measure(discord, delivery, payloads, warmupRate, warmup / (double)warmupRate, bot.Id);

            Console.WriteLine();
            Console.WriteLine("| Offered /s | Answered /s | p50 | p99 | max | Errors | Deferred (edited) | Bot CPU (cores) | Load CPU (cores) | Others' CPU (cores) | Bot RSS | Bot threads | Load avg |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            var sustained = 0;
            var notes = new List<string>();
            foreach (var rate in rates)
            {
                await SettleAsync(bot.Id);
                var result = await Measure(discord, delivery, payloads, rate, seconds, bot.Id);
                var p99 = Harness.Percentile(result.Latencies, 99);
                if (result.Errors == 0 && p99 < SustainedP99.TotalMilliseconds)
                    sustained = Math.Max(sustained, rate);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {rate} | {result.Answered / seconds:N0} | {Harness.Ms(Harness.Percentile(result.Latencies, 50))} | {Harness.Ms(p99)} "
                    + $"| {Harness.Ms(result.Latencies.LastOrDefault())} | {result.Errors} | {result.Deferred} ({result.Edited}) | {result.BotCores:N2} "
                    + $"| {result.OwnCores:N2} | {Math.Max(0, result.MachineCores - result.BotCores - result.OwnCores):N2} | {ResidentMb(bot.Id)} | {result.PeakThreads} | {Harness.Load().Split(' ')[2]} |"));
                if (result.ErrorKinds.Count > 0)
                    notes.Add($"{rate}/s errors: {string.Join(", ", result.ErrorKinds.Select(k => $"{k.Value} × {k.Key}"))}");
                if (result.SendLag > TimeSpan.FromMilliseconds(50))
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"{rate}/s: the load generator fell up to {result.SendLag.TotalMilliseconds:N0} ms behind its schedule"));
            }

            Console.WriteLine();
            foreach (var note in notes)
                Console.WriteLine($"- {note}");
            var verdict = sustained >= target ? "met" : rates.Any(r => r >= target) ? "MISSED" : "not tried (no rate that high)";
            Console.WriteLine(sustained > 0
                ? $"Highest sustained rate (p99 < {SustainedP99.TotalMilliseconds:N0} ms, no errors): {sustained}/s; target {target}/s {verdict}. {Harness.Load()}"
                : $"No rate was sustained (p99 < {SustainedP99.TotalMilliseconds:N0} ms, no errors); target {target}/s {verdict}. {Harness.Load()}");
            var failures = Lines(log, "fail:", "crit:");
            if (failures.Count > 0)
                Console.WriteLine($"The bot logged {failures.Count} failures; the first: {failures[0]}");
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }

        return 0;
    }

    private sealed record Result(
        List<double> Latencies, int Answered, int Errors, Dictionary<string, int> ErrorKinds, int Deferred, int Edited,
        double BotCores, double OwnCores, double MachineCores, TimeSpan SendLag, int PeakThreads);

    private static async Task<Result> Measure(LocalDiscordServer discord, HttpDelivery delivery, Payloads payloads, int rate, double seconds, int botPid)
    {
        var count = (int)(rate * seconds);
        var answers = new Task<HttpDeliveryResult>[count];
        var editsBefore = discord.RequestsTo(EditOriginal).Count;
        var botCpuBefore = CpuSeconds(botPid);
        var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var machineCpuBefore = MachineBusySeconds();
        var lag = TimeSpan.Zero;
        var peakThreads = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)rate);
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed);
            if (clock.Elapsed - due > lag)
                lag = clock.Elapsed - due;
            if (i % rate == 0)
                peakThreads = Math.Max(peakThreads, Threads(botPid));
            answers[i] = delivery.DeliverAsync(payloads.Next());
        }

        peakThreads = Math.Max(peakThreads, Threads(botPid));
        var all = Task.WhenAll(answers);
        while (!all.IsCompleted)
        {
            peakThreads = Math.Max(peakThreads, Threads(botPid));
            await Task.WhenAny(all, Task.Delay(100));
        }

        var results = await all;
        var elapsed = clock.Elapsed.TotalSeconds;
        var botCores = (CpuSeconds(botPid) - botCpuBefore) / elapsed;
        var ownCores = (Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore).TotalSeconds / elapsed;
        var machineCores = (MachineBusySeconds() - machineCpuBefore) / elapsed;

        var latencies = new List<double>(count);
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

        // A deferred answer ends with an edit of @original (useful to the user for the token's 15 minutes); give stragglers 10 s.
        var until = DateTime.UtcNow.AddSeconds(10);
        while (EditsDone(discord, editsBefore) < deferred && DateTime.UtcNow < until)
            await Task.Delay(20);

        latencies.Sort();
        return new Result(latencies, latencies.Count, count - latencies.Count, errors, deferred, EditsDone(discord, editsBefore), botCores, ownCores, machineCores, lag, peakThreads);
    }

    private static int EditsDone(LocalDiscordServer discord, int before) =>
        discord.RequestsTo(EditOriginal).Skip(before).Count(edit => edit.Status == 200);

    /// <summary>
    /// Distinct /ask interactions, cheaply: one built from the fixture (as <see cref="InteractionPayloads"/>
    /// does), then only its id, token and question replaced, so the load generator spends its time sending.
    /// </summary>
    private sealed class Payloads
    {
        private const string QuestionMark = "QQQ-question-QQQ";
        private const string UserMark = "UUU-user-UUU";

        /// <summary>Members' ids: one member per interaction, as many people asking at once are (and no one hits the per-member cooldown).</summary>
        private const ulong FirstUser = 300_000_000_000_000_000;
        private readonly LocalDiscordServer _discord;
        private readonly IReadOnlyList<string> _questions;
        private readonly string[] _parts;
        private int _next;

        public Payloads(LocalDiscordServer discord, IReadOnlyList<string> questions)
        {
            _discord = discord;
            _questions = questions;
            var template = InteractionPayloads.SlashCommand(discord, "ask", [("question", QuestionMark)]);
            template["member"]!["user"]!["id"] = UserMark;
            var json = template.ToJsonString()
                .Replace((string)template["token"]!, "\u0001token\u0001", StringComparison.Ordinal)
                .Replace("\"" + (string)template["id"]! + "\"", "\"\u0001id\u0001\"", StringComparison.Ordinal)
                .Replace(QuestionMark, "\u0001question\u0001", StringComparison.Ordinal)
                .Replace(UserMark, "\u0001user\u0001", StringComparison.Ordinal);
            _parts = json.Split('\u0001');
            if (_parts.Count(p => p is "token" or "id" or "question" or "user") != 4)
                throw new InvalidOperationException("The /ask template does not have exactly one id, token, question and member: " + json);
        }

        public string Next()
        {
            var n = Interlocked.Increment(ref _next);
            var (id, token) = _discord.NewInteraction();
            var question = JsonEncodedText.Encode(Distinct(_questions[n % _questions.Count], n / _questions.Count)).ToString();
            var values = new string[_parts.Length];
            for (var i = 0; i < _parts.Length; i++)
            {
                values[i] = _parts[i] switch
                {
                    "id" => id.ToString(CultureInfo.InvariantCulture),
                    "token" => token,
                    "question" => question,
                    "user" => (FirstUser + (ulong)n).ToString(CultureInfo.InvariantCulture),
                    var text => text,
                };
            }

            return string.Concat(values);
        }
    }

    /// <summary>
    /// Variant <paramref name="variant"/> of <paramref name="question"/>: the case of its j-th letter
    /// flipped where bit j of the variant is set ("wHo directed…"), and for short questions, whose letters
    /// run out, the rest of the variant as extra spaces after the first word. Every variant is a different
    /// text, so the question-embedding cache never hits, yet the same question to the engine (its analysis
    /// and the uncased model ignore case and repeated spaces), so each gets the answer the question gets.
    /// A number would not do: after the question mark the engine drops it (it answers only the sentences
    /// that ask), and inside the question it is one more term to match, which turns answers into "I don't know".
    /// </summary>
    internal static string Distinct(string question, int variant)
    {
        var letters = question.Count(char.IsAsciiLetter);
        var flips = letters >= 30 ? variant : variant & ((1 << letters) - 1);
        var spaces = letters >= 30 ? 0 : variant >> letters;
        var text = question.ToCharArray();
        var bit = 0;
        for (var i = 0; i < text.Length && flips >> bit != 0; i++)
        {
            if (!char.IsAsciiLetter(text[i]))
                continue;
            if (((flips >> bit) & 1) == 1)
                text[i] = char.IsAsciiLetterUpper(text[i]) ? char.ToLowerInvariant(text[i]) : char.ToUpperInvariant(text[i]);
            bit++;
        }

        var varied = new string(text);
        if (spaces == 0)
            return varied;
        var gap = varied.IndexOf(' ', StringComparison.Ordinal);
        return gap > 0
            ? varied.Insert(gap, new string(' ', spaces))
            : throw new InvalidOperationException($"'{question}' is too short for {variant} distinct variants.");
    }

    private static async Task WaitReadyAsync(Process bot, int port, System.Text.StringBuilder log)
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

    private static Process StartBot(
        LocalDiscordServer discord, int port, string publicKey, string data, string semantic, string logLevel,
        Dictionary<string, string> environment, System.Text.StringBuilder log)
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
        return BotExecutable.StartHttp(discord, port, publicKey, settings, line =>
        {
            if (!line.StartsWith("info:", StringComparison.Ordinal) && !line.StartsWith("dbug:", StringComparison.Ordinal))
                lock (log) log.AppendLine(line);
        });
    }

    private static List<string> Lines(System.Text.StringBuilder log, params string[] prefixes)
    {
        lock (log)
        {
            return log.ToString().Split('\n').Where(line => prefixes.Any(p => line.StartsWith(p, StringComparison.Ordinal))).ToList();
        }
    }

    /// <summary>The process's user + system CPU time so far, from /proc/&lt;pid&gt;/stat (Linux; clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
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
    private static double MachineBusySeconds()
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

    private static int Threads(int pid)
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
    private static async Task SettleAsync(int pid)
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

    private static string ResidentMb(int pid)
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
