using System.Diagnostics;
using System.Globalization;
using Bot.Embeddings.MiniLM;
using Bot.Knowledge;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Semantic;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Benchmarks;

/// <summary>
/// <c>--embed-throughput</c>: how fast the knowledge's texts are embedded, in this process at normal
/// priority (the bot's background embedding runs the same code at a lower one). On the
/// <see cref="RecombinedCorpus"/> folder (<c>--documents N</c>, default all 200 files, 10,008 passages):
/// the words-only build (what a cold bot waits for before it answers), then the first
/// <c>--compare N</c> texts (default 2,000, in indexing order) embedded in batches of 8 as they come
/// and sorted by length (with the largest difference between the two vectors of a text), then the
/// whole folder as <see cref="KnowledgeSynchronizer.Synchronize()"/> embeds it: texts, time, texts/s.
/// <c>--compare-only</c> stops after the comparison.
/// </summary>
internal static class EmbeddingThroughput
{
    public static int Run(string[] args)
    {
        var options = Harness.Options(args, "documents", "compare", "compare-only");
        var documents = options.Int("documents", RecombinedCorpus.Documents);
        var root = Path.Combine(Path.GetTempPath(), "bot-bench-embed-" + Guid.NewGuid().ToString("N"));
        try
        {
            var knowledge = Path.Combine(root, "knowledge");
            var passages = RecombinedCorpus.Write(knowledge, BenchmarkInputs.ShippedKnowledgeFolder, documents);
            Console.WriteLine($"# embedding throughput: {passages:N0} recombined passages in {documents} files + the shipped knowledge; {Harness.Load()}");
            using var model = new MiniLmEmbedder(Environment.ProcessorCount);
            model.Embed(["warm-up"]);

            var clock = Stopwatch.StartNew();
            using (var words = new KnowledgeStore(KnowledgeIndex.Open(Path.Combine(root, "words"))))
                new KnowledgeSynchronizer(words, knowledge, ScratchFolder.MaxFileBytes, NullLogger.Instance).Synchronize();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"words-only build (the bot answers after this): {clock.Elapsed.TotalSeconds:N2} s"));

            Compare(model, knowledge, options.Int("compare", 2000));
            if (!options.ContainsKey("compare-only"))
                EmbedAll(model, knowledge, Path.Combine(root, "index"));
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }

        return 0;
    }

    /// <summary>The same texts in batches of 8 as indexing lists them, then sorted by length: the padding the sort saves.</summary>
    private static void Compare(MiniLmEmbedder model, string knowledge, int count)
    {
        var texts = Directory.EnumerateFiles(knowledge, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => Bot.Knowledge.Documents.MarkdownDocumentParser.Parse(Path.GetRelativePath(knowledge, path), File.ReadAllBytes(path)))
            .SelectMany(d => d.Passages).SelectMany(p => PassageTexts.Of(p).Texts).Take(count).ToArray();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var asListed = new float[texts.Length][];
        Parallel.For(0, (texts.Length + 7) / 8, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b =>
        {
            var batch = texts.Skip(b * 8).Take(8).ToArray();
            var vectors = model.Embed(batch);
            for (var i = 0; i < batch.Length; i++)
                asListed[b * 8 + i] = vectors[i];
        });
        var listedSeconds = clock.Elapsed.TotalSeconds;
        var listedCores = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / listedSeconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        var sorted = LengthSortedBatches.Embed(model, texts, _ => { }, CancellationToken.None);
        var sortedSeconds = clock.Elapsed.TotalSeconds;
        var sortedCores = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / sortedSeconds;
        var lowest = Enumerable.Range(0, texts.Length).Min(i => Dot(asListed[i], sorted[i]));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first {texts.Length:N0} texts, batches of 8 as listed: {listedSeconds:N1} s, {texts.Length / listedSeconds:N1} texts/s ({listedCores:N2} cores); "
            + $"sorted by length: {sortedSeconds:N1} s, **{texts.Length / sortedSeconds:N1} texts/s** ({sortedCores:N2} cores); lowest cosine between the two: {lowest:0.000000}"));
    }

    private static void EmbedAll(MiniLmEmbedder model, string knowledge, string indexFolder)
    {
        var counting = new CountingEmbedder(model);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var store = new KnowledgeStore(KnowledgeIndex.Open(indexFolder, model.ModelId), counting);
        var progress = new ConsoleProgress();
        new KnowledgeSynchronizer(store, knowledge, ScratchFolder.MaxFileBytes, NullLogger.Instance, progress: [progress]).Synchronize();
        var seconds = clock.Elapsed.TotalSeconds;
        var cores = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"whole folder, words then vectors: {counting.Texts:N0} texts ({counting.Characters / 1e6:N1} M characters) in {counting.Calls:N0} calls, "
            + $"**{seconds / 60:N1} min**, **{counting.Texts / seconds:N1} texts/s** ({cores:N2} cores busy); state {store.State}; {Harness.Load()}"));
    }

    private static float Dot(float[] a, float[] b) => a.Zip(b).Sum(x => x.First * x.Second);

    /// <summary>A line every tenth, so a run of an hour shows it is alive.</summary>
    private sealed class ConsoleProgress : IEmbeddingProgressListener
    {
        private int _tenth;

        public void Report(EmbeddingProgress progress)
        {
            var now = (int)(progress.Fraction * 10);
            if (Interlocked.Exchange(ref _tenth, Math.Max(now, _tenth)) >= now)
                return;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {progress.Done:N0} of {progress.Total:N0} texts, {progress.TextsPerSecond:N1} texts/s, {progress.Elapsed.TotalMinutes:N1} min; {Harness.Load()}"));
        }
    }
}
