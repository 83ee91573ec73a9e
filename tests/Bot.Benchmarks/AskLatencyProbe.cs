using System.Diagnostics;

namespace Bot.Benchmarks;

/// <summary>
/// <c>--ask-latency [Shipped|Generated10k] [passes]</c>: the evidence behind the warm p99. Set up as
/// <see cref="AskBenchmarks"/> does, then times single <c>Ask</c> calls and, for each, whether a
/// gen0 collection or a JIT compilation happened inside it. Prints the percentiles of all calls,
/// of the calls with neither, and what share of the slowest 1 % each cause accounts for. Run it
/// with and without <c>DOTNET_GCgen0size=0x4000000</c> to see the collections' part.
/// </summary>
internal static class AskLatencyProbe
{
    public static int Run(string[] args)
    {
        var corpus = args.Length > 0 ? Enum.Parse<Corpus>(args[0], ignoreCase: true) : Corpus.Shipped;
        var passes = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 150;
        var (scratch, store, engine, questions) = AskSetup.Prepare(corpus);
        using (scratch)
        using (store)
        {
            var calls = new List<Call>(passes * questions.Length);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            for (var pass = 0; pass < passes; pass++)
            {
                foreach (var question in questions)
                {
                    var gen0 = GC.CollectionCount(0);
                    var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
                    var started = Stopwatch.GetTimestamp();
                    engine.Ask(question);
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    calls.Add(new Call(elapsed.TotalMicroseconds, GC.CollectionCount(0) != gen0, System.Runtime.JitInfo.GetCompiledMethodCount() != jitted));
                }
            }

            var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)calls.Count;
            Report(corpus, calls);
            Console.WriteLine($"allocated per call:   {allocated / 1024:N1} KB");
        }

        return 0;
    }

    private static void Report(Corpus corpus, List<Call> calls)
    {
        var all = calls.Select(c => c.Microseconds).Order().ToArray();
        var clean = calls.Where(c => !c.Collected && !c.Compiled).Select(c => c.Microseconds).Order().ToArray();
        var slowest = calls.OrderByDescending(c => c.Microseconds).Take(Math.Max(1, calls.Count / 100)).ToArray();
        Console.WriteLine($"# Ask latency, {corpus}: {calls.Count:N0} calls, gen0 budget {Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "runtime default"}");
        Console.WriteLine($"all calls:            p50 {Harness.Percentile(all, 50):N0} µs, p99 {Harness.Percentile(all, 99):N0} µs, max {all[^1]:N0} µs");
        Console.WriteLine($"no gen0 GC, no JIT:   p50 {Harness.Percentile(clean, 50):N0} µs, p99 {Harness.Percentile(clean, 99):N0} µs ({clean.Length:N0} calls)");
        Console.WriteLine($"calls with a gen0 GC: {calls.Count(c => c.Collected):N0} (one in {calls.Count / (double)Math.Max(1, calls.Count(c => c.Collected)):N0})");
        Console.WriteLine($"slowest 1 % ({slowest.Length} calls): {slowest.Count(c => c.Collected)} with a gen0 GC, {slowest.Count(c => c.Compiled)} with a JIT compilation, {slowest.Count(c => !c.Collected && !c.Compiled)} with neither");
    }

    private readonly record struct Call(double Microseconds, bool Collected, bool Compiled);
}
