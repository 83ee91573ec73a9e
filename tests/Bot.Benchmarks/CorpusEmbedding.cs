using System.Diagnostics;
using System.Globalization;
using Bot.Embeddings.MiniLM;
using Bot.Knowledge.Answering;

namespace Bot.Benchmarks;

/// <summary>
/// <c>--embed-corpus</c>: the generated corpus with the sentence model, measured once (embedding
/// it takes minutes, too long for BenchmarkDotNet's repetitions):
/// <list type="number">
/// <item>the build: every passage and sentence embedded and stored with the index (the model is
/// loaded and warmed before, so this is embedding and indexing only), next to the lexical-only
/// build of the same folder;</item>
/// <item>restarts on the unchanged folder: reopen with the model and synchronise, checked to embed
/// nothing (a <see cref="CountingEmbedder"/> around the model), then the first lexical and the first
/// hybrid question after it (the hybrid one loads the snapshot's vectors);</item>
/// <item>warm hybrid <c>Ask</c> latency per call with distinct questions (question cache off),
/// and repeated ones (cache on, every question cached);</item>
/// <item>distinct questions per second, 2 threads, model concurrency 2.</item>
/// </list>
/// <c>--documents N</c> (1-200, 50 passages each) measures the first N documents of the same corpus.
/// <c>--synthetic</c> stores <see cref="SyntheticEmbedder"/> vectors instead (seconds, not minutes; the
/// build time then means nothing, the rest does). <c>--keep DIR</c> leaves the corpus and the index with vectors in DIR for the bot.
/// </summary>
internal static class CorpusEmbedding
{
    public static int Run(string[] args)
    {
        var options = Harness.Options(args, "documents", "restarts", "passes", "seconds", "warmup", "synthetic", "keep");
        var synthetic = options.ContainsKey("synthetic");
        var documents = options.Int("documents", GeneratedCorpus.Documents);
        var restarts = options.Int("restarts", 10);
        var passes = options.Int("passes", 50);
        var seconds = options.Double("seconds", 10);
        var warmup = TimeSpan.FromSeconds(options.Double("warmup", 5));
        var questions = BenchmarkInputs.Questions.ToArray();
        var concurrency = Environment.ProcessorCount; // the bot's default: Knowledge:MaxModelConcurrency 0, one per processor

        Console.WriteLine($"# generated corpus, {documents} of {GeneratedCorpus.Documents} documents, with the sentence model"
                          + (synthetic ? " (stored vectors SYNTHETIC, questions embedded by the real model)" : "") + $"; {Harness.Load()}");
        var keep = options.GetValueOrDefault("keep");
        using var scratch = new ScratchFolder(Corpus.Generated10k, documents, keep);
        using var model = new MiniLmEmbedder(concurrency);
        var loading = Stopwatch.StartNew();
        model.Embed(["warm-up"]);
        Console.WriteLine($"# model loaded and warm in {loading.ElapsedMilliseconds:N0} ms (not part of the build below); MiniLmEmbedder({concurrency})");
        var counting = new CountingEmbedder(model);

        var build = Build(scratch, counting, synthetic, documents, keep);
        MeasureRestarts(scratch, build, counting, restarts, questions);
        MeasureWarmLatency(scratch, build.HybridFolder, model, passes, warmup, questions);
        Console.WriteLine($"# {Harness.ResidentMemory()} (this process: model and {build.Passages:N0} passages' vectors loaded, after the build)");
        MeasureThroughput(scratch, build.HybridFolder, model, concurrency, seconds, warmup, questions);

        Console.WriteLine($"# {Harness.Load()} at the end");
        if (keep is not null)
        {
            Directory.Delete(build.LexicalFolder, recursive: true);
            Console.WriteLine($"# kept: {scratch.KnowledgeFolder} and {build.HybridFolder}; e.g. tests/Bot.Benchmarks/measure-memory.sh {scratch.KnowledgeFolder} {scratch.Root}");
        }

        return 0;
    }

    /// <summary>1. Builds: lexical only (reference), then with vectors.</summary>
    private static BuildResult Build(ScratchFolder scratch, CountingEmbedder counting, bool synthetic, int documents, string? keep)
    {
        var lexicalFolder = scratch.NewIndexFolder();
        var clock = Stopwatch.StartNew();
        var (lexicalStore, _) = scratch.OpenAndSynchronize(lexicalFolder);
        var lexicalBuild = clock.Elapsed;
        lexicalStore.Dispose();

        // With --keep DIR: DIR/knowledge and DIR/data/index, the layout the bot's --knowledge and --data expect.
        var hybridFolder = keep is null ? scratch.NewIndexFolder() : Path.Combine(scratch.Root, "data", "index");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        var (store, report) = synthetic
            ? scratch.OpenAndSynchronize(hybridFolder, new SyntheticEmbedder())
            : scratch.OpenAndSynchronize(hybridFolder, counting);
        var hybridBuild = clock.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        int passages;
        using (var lease = store.Index.Acquire())
            passages = lease.Searcher.IndexReader.NumDocs;
        store.Dispose();
        var build = new BuildResult(lexicalFolder, hybridFolder, report, passages);
        PrintBuild(counting, synthetic, documents, build, lexicalBuild, hybridBuild, cpu);
        return build;
    }

    private static void PrintBuild(CountingEmbedder counting, bool synthetic, int documents, BuildResult build, TimeSpan lexicalBuild, TimeSpan hybridBuild, TimeSpan cpu)
    {
        var (lexicalFolder, hybridFolder, report, passages) = build;
        var texts = counting.Texts;
        Console.WriteLine();
        Console.WriteLine("## Build");
        if (synthetic)
        {
            Console.WriteLine($"files {report.Added}, passages {passages:N0}; lexical-only build {lexicalBuild.TotalSeconds:N2} s, "
                              + $"build with synthetic vectors {hybridBuild.TotalSeconds:N2} s (not an embedding time), index {FolderMegabytes(hybridFolder):N1} MB");
        }
        else
        {
            Console.WriteLine($"files {report.Added}, passages {passages:N0}, texts embedded {texts:N0} ({passages:N0} passages + {texts - passages:N0} sentences, "
                              + $"{counting.Characters / 1024.0 / 1024.0:N1} M characters) in {counting.Calls:N0} calls");
            Console.WriteLine($"lexical-only build: {lexicalBuild.TotalSeconds:N2} s, index {FolderMegabytes(lexicalFolder):N1} MB");
            Console.WriteLine($"build with vectors: **{hybridBuild.TotalSeconds:N1} s** ({texts / hybridBuild.TotalSeconds:N0} texts/s, "
                              + $"{cpu.TotalSeconds / hybridBuild.TotalSeconds:N2} cores busy), index {FolderMegabytes(hybridFolder):N1} MB");
            if (documents < GeneratedCorpus.Documents)
            {
                var full = GeneratedCorpus.GeneratedPassages + (passages - documents * GeneratedCorpus.ParagraphsPerDocument); // plus the shipped article's
                var factor = (double)full / passages;
                Console.WriteLine($"extrapolated to the full corpus (×{factor:N2}, linear in passages): about {hybridBuild.TotalSeconds * factor / 60:N1} min");
            }
        }
    }

    /// <summary>2. Restarts on the unchanged folder.</summary>
    private static void MeasureRestarts(ScratchFolder scratch, BuildResult build, CountingEmbedder counting, int restarts, string[] questions)
    {
        var (_, hybridFolder, report, _) = build;
        Console.WriteLine();
        Console.WriteLine("## Restart, nothing changed (reopen with the model + Synchronize)");
        var restartTimes = new List<double>();
        var firstLexical = new List<double>();
        var firstHybrid = new List<double>();
        long embeddedByRestarts = 0;
        for (var r = 0; r < restarts; r++)
        {
            counting.Reset();
            var start = Stopwatch.GetTimestamp();
            var (reopened, again) = scratch.OpenAndSynchronize(hybridFolder, counting, questionCacheSize: 0);
            restartTimes.Add(Harness.Milliseconds(start, Stopwatch.GetTimestamp()));
            embeddedByRestarts += counting.Texts;
            using (reopened)
            {
                if (counting.Texts != 0 || again.Added + again.Updated + again.Removed != 0 || again.Unchanged != report.Added)
                    throw new InvalidOperationException($"A restart on the unchanged folder embedded {counting.Texts} texts / re-indexed files: {again}");
                var engine = new AnswerEngine(reopened);
                var question = questions[r % questions.Length];
                start = Stopwatch.GetTimestamp();
                engine.Ask(question, mode: RetrievalMode.Lexical);
                firstLexical.Add(Harness.Milliseconds(start, Stopwatch.GetTimestamp()));
                start = Stopwatch.GetTimestamp();
                engine.Ask(question, mode: RetrievalMode.Hybrid);
                firstHybrid.Add(Harness.Milliseconds(start, Stopwatch.GetTimestamp()));
            }
        }

        Console.WriteLine($"texts embedded by the {restarts} restarts: {embeddedByRestarts} (checked after each); every file reported unchanged");
        Console.WriteLine($"restart: first {Harness.Ms(restartTimes[0])}; all: {Harness.Summary(restartTimes)}");
        Console.WriteLine($"then the first question, lexical (builds the snapshot's term table): first {Harness.Ms(firstLexical[0])}; all: {Harness.Summary(firstLexical)}");
        Console.WriteLine($"then the first question, hybrid (loads the snapshot's vectors, runs the model): first {Harness.Ms(firstHybrid[0])}; all: {Harness.Summary(firstHybrid)}");
    }

    /// <summary>3. Warm latency per call, distinct (cache off) and repeated (cache on) questions.</summary>
    private static void MeasureWarmLatency(ScratchFolder scratch, string hybridFolder, MiniLmEmbedder model, int passes, TimeSpan warmup, string[] questions)
    {
        Console.WriteLine();
        Console.WriteLine($"## Warm hybrid Ask, one question per measurement, {passes} passes over {questions.Length} dev questions");
        foreach (var (label, cacheSize) in new[] { ("distinct (question cache off)", 0), ("repeated (every question cached)", 1024) })
        {
            var (warm, _) = scratch.OpenAndSynchronize(hybridFolder, model, cacheSize);
            using (warm)
            {
                var engine = new AnswerEngine(warm);
                var warming = Stopwatch.StartNew();
                for (var pass = 0; pass < 30 || warming.Elapsed < warmup; pass++)
                {
                    foreach (var question in questions)
                        engine.Ask(question);
                }

                var latencies = new List<double>(passes * questions.Length);
                for (var pass = 0; pass < passes; pass++)
                {
                    foreach (var question in questions)
                    {
                        var start = Stopwatch.GetTimestamp();
                        engine.Ask(question);
                        latencies.Add(Harness.Milliseconds(start, Stopwatch.GetTimestamp()));
                    }
                }

                Console.WriteLine($"{label}: {Harness.Summary(latencies)}");
            }
        }
    }

    /// <summary>4. Throughput, 2 threads and the bot's default model concurrency.</summary>
    private static void MeasureThroughput(ScratchFolder scratch, string hybridFolder, MiniLmEmbedder model, int concurrency, double seconds, TimeSpan warmup, string[] questions)
    {
        Console.WriteLine();
        Console.WriteLine($"## Distinct questions per second, 2 threads, model concurrency {concurrency}, {seconds:N0} s");
        var (busy, _) = scratch.OpenAndSynchronize(hybridFolder, model, questionCacheSize: 0);
        using (busy)
        {
            var engine = new AnswerEngine(busy);
            HybridThroughput.Measure(engine, questions, 2, warmup);
            var result = HybridThroughput.Measure(engine, questions, 2, TimeSpan.FromSeconds(seconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.PerSecond:N0} questions/s; per call {Harness.Summary(result.Latencies)}; {result.CoresBusy:N2} cores busy"));
        }
    }

    private static double FolderMegabytes(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1024.0 / 1024.0;

    private sealed record BuildResult(string LexicalFolder, string HybridFolder, Bot.Knowledge.Indexing.SyncReport Report, int Passages);
}
