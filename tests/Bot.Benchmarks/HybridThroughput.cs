using System.Diagnostics;
using System.Globalization;
using Bot.Embeddings.MiniLM;
using Bot.Knowledge.Answering;

namespace Bot.Benchmarks;

/// <summary>
/// <c>--throughput</c>: distinct hybrid questions per second. N threads ask the dev questions
/// (each from its own place in the list) back to back for a fixed time, through a store whose
/// question cache is off, so every call runs the sentence model; the model is a
/// <see cref="MiniLmEmbedder"/> allowing M inferences at once. Each "N×M" configuration gets its
/// own embedder (the bound is fixed at construction) over the same index, warmed first; "N×Mf"
/// (a FIFO gate in front of the model was prototyped and dropped; docs/PERFORMANCE.md has its figures).
/// </summary>
internal static class HybridThroughput
{
    public static int Run(string[] args)
    {
        var options = Harness.Options(args, "corpus", "configs", "seconds", "warmup");
        var corpus = Enum.Parse<Corpus>(options.GetValueOrDefault("corpus", nameof(Corpus.Shipped)), ignoreCase: true);
        var configs = options.GetValueOrDefault("configs", "1x1,2x1,2x2,4x2")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.Split('x') is [var t, var m]
                ? (Threads: int.Parse(t, CultureInfo.InvariantCulture), Concurrency: int.Parse(m, CultureInfo.InvariantCulture))
                : throw new ArgumentException($"--configs wants THREADSxCONCURRENCY items, e.g. 2x2, not '{c}'"))
            .ToArray();
        var duration = TimeSpan.FromSeconds(options.Double("seconds", 10));
        var warmup = TimeSpan.FromSeconds(options.Double("warmup", 5));
        var questions = BenchmarkInputs.Questions.ToArray();

        Console.WriteLine($"# hybrid throughput, {corpus}, distinct questions (question cache off), {duration.TotalSeconds:N0} s per configuration after {warmup.TotalSeconds:N0} s warm-up; {Harness.Load()}");
        var clock = Stopwatch.StartNew();
        using var setup = new HybridSetup(corpus); // Generated10k: synthetic stored vectors, see SyntheticEmbedder
        var (scratch, indexFolder) = (setup.Scratch, setup.IndexFolder);
        Console.WriteLine($"# index with vectors built in {clock.Elapsed.TotalSeconds:N1} s ({setup.Files} files)"
                          + (corpus == Corpus.Generated10k ? ", stored vectors synthetic" : ""));

        Console.WriteLine();
        Console.WriteLine("| Threads | Model concurrency | Questions/s | Median | P95 | P99 | CPU (cores busy) | Peak concurrent inferences | Load average |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (threads, concurrency) in configs)
        {
            using var embedder = new MiniLmEmbedder(concurrency);
            var (store, _) = scratch.OpenAndSynchronize(indexFolder, embedder, questionCacheSize: 0);
            using (store)
            {
                var engine = new AnswerEngine(store);
                Measure(engine, questions, threads, warmup); // JIT, model load, passage-analysis cache
                var result = Measure(engine, questions, threads, duration);
                result.Latencies.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {threads} | {concurrency} | **{result.PerSecond:N0}** | {Harness.Ms(Harness.Percentile(result.Latencies, 50))} "
                    + $"| {Harness.Ms(Harness.Percentile(result.Latencies, 95))} | {Harness.Ms(Harness.Percentile(result.Latencies, 99))} "
                    + $"| {result.CoresBusy:N2} | {embedder.PeakConcurrency} | {Harness.Load().Split(' ')[2]} |"));
            }
        }

        return 0;
    }

    public sealed record Result(int Questions, TimeSpan Elapsed, List<double> Latencies, double CoresBusy)
    {
        public double PerSecond => Questions / Elapsed.TotalSeconds;
    }

    /// <summary>
    /// <paramref name="threads"/> threads ask questions back to back for <paramref name="duration"/>;
    /// returns how many were answered, every call's latency in ms, and the process CPU used meanwhile.
    /// </summary>
    public static Result Measure(AnswerEngine engine, string[] questions, int threads, TimeSpan duration)
    {
        var latencies = new List<double>[threads];
        var stop = 0;
        using var ready = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var mine = new List<double>(4096);
            latencies[t] = mine;
            var next = t * questions.Length / threads; // threads start at different questions
            ready.SignalAndWait();
            while (Volatile.Read(ref stop) == 0)
            {
                var start = Stopwatch.GetTimestamp();
                engine.Ask(questions[next]);
                mine.Add(Harness.Milliseconds(start, Stopwatch.GetTimestamp()));
                next = next + 1 == questions.Length ? 0 : next + 1;
            }
        })
        { IsBackground = true, Name = $"asker-{t}" }).ToArray();
        foreach (var worker in workers)
            worker.Start();

        var process = Process.GetCurrentProcess();
        ready.SignalAndWait();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Thread.Sleep(duration);
        var answered = latencies.Sum(l => l.Count); // questions finished within the window
        var elapsed = clock.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Volatile.Write(ref stop, 1);
        foreach (var worker in workers)
            worker.Join();
        return new Result(answered, elapsed, latencies.SelectMany(l => l).ToList(), cpu / elapsed);
    }
}
