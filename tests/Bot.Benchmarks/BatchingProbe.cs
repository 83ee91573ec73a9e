using System.Diagnostics;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Semantic;
using Bot.Knowledge.Text;

namespace Bot.Benchmarks;

/// <summary>
/// <c>--embed-corpus --batching N</c>: how much of the indexing time is padding. The synchroniser
/// embeds a document's texts (each passage followed by its sentences) in batches of 8 in that order,
/// and the model pads every text of a batch to the batch's longest, so a batch holding a passage
/// makes its short sentences cost as much as the passage. This embeds the first N generated
/// documents' texts that way, then sorted by length (as a fix would), and checks the vectors agree.
/// </summary>
internal static class BatchingProbe
{
    public static void Run(string knowledgeFolder, ITextEmbedder model, int documents)
    {
        var perDocument = Directory.EnumerateFiles(knowledgeFolder, "doc-*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Take(documents)
            .Select(path => Texts(MarkdownDocumentParser.Parse(Path.GetRelativePath(knowledgeFolder, path), File.ReadAllBytes(path))))
            .ToArray();
        var count = perDocument.Sum(t => t.Count);
        Console.WriteLine();
        Console.WriteLine($"## Batching probe: {documents} documents, {count:N0} texts, one document at a time as the synchroniser does");

        var strategies = new (string Name, Func<List<string>, int[]> Order, int Batch)[]
        {
            ("as indexed: passage then its sentences, batches of 8", texts => Enumerable.Range(0, texts.Count).ToArray(), 8),
            ("sorted by length, batches of 8", ByLength, 8),
            ("sorted by length, batches of 32", ByLength, 32),
        };
        float[][][]? reference = null;
        foreach (var (name, order, batch) in strategies)
        {
            var clock = Stopwatch.StartNew();
            var vectors = perDocument.Select(texts => Embed(model, texts, order(texts), batch)).ToArray();
            var seconds = clock.Elapsed.TotalSeconds;
            reference ??= vectors;
            var worst = reference.Zip(vectors).SelectMany(d => d.First.Zip(d.Second)).Min(v => Vectors.Dot(v.First, v.Second));
            Console.WriteLine($"{name,-55} {seconds,7:N1} s  {count / seconds,5:N0} texts/s  lowest cosine with the first strategy's vector {worst:N6}");
        }
    }

    private static int[] ByLength(List<string> texts) =>
        Enumerable.Range(0, texts.Count).OrderByDescending(i => texts[i].Length).ToArray();

    /// <summary>A document's texts in the synchroniser's order: each passage, then its sentences.</summary>
    private static List<string> Texts(KnowledgeDocument document)
    {
        var texts = new List<string>();
        foreach (var passage in document.Passages)
        {
            texts.Add(passage.Text);
            texts.AddRange(SentenceSplitter.Split(passage.Text));
        }

        return texts;
    }

    /// <summary>Embeds <paramref name="texts"/> in batches taken in <paramref name="order"/>, on every core, and returns the vectors in text order.</summary>
    private static float[][] Embed(ITextEmbedder model, List<string> texts, int[] order, int batch)
    {
        var vectors = new float[texts.Count][];
        Parallel.For(0, (texts.Count + batch - 1) / batch, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b =>
        {
            var slots = order.AsSpan(b * batch, Math.Min(batch, texts.Count - b * batch)).ToArray();
            var embedded = model.Embed(slots.Select(i => texts[i]).ToArray());
            for (var i = 0; i < slots.Length; i++)
                vectors[slots[i]] = embedded[i];
        });
        return vectors;
    }
}
