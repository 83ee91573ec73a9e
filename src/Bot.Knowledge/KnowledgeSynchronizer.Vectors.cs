using Bot.Knowledge.Documents;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Semantic;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge;

/// <summary>
/// The second half of indexing: the vectors of passages already indexed by their words. Files are
/// embedded in chunks of about <see cref="ChunkTexts"/> texts, their texts sorted by length into
/// batches; each chunk is committed when done (a process killed part-way loses one chunk at most),
/// but searches keep the snapshot without vectors until the last chunk is in, then swap all at
/// once: the bot answers by words until every passage can be answered by meaning, never by a mix.
/// </summary>
public sealed partial class KnowledgeSynchronizer
{
    /// <summary>Texts per commit: about 3 s of the model on 2 cores. A file is never split, so a long one is a chunk of its own.</summary>
    internal int ChunkTexts { get; init; } = 256;

    /// <summary>
    /// Embeds every passage still waiting for its vectors, then publishes the snapshot that has
    /// them all. Runs beside <see cref="Synchronize(bool)"/>: files changed meanwhile are embedded
    /// in their new version, files deleted meanwhile are left out. Returns the texts embedded.
    /// </summary>
    /// <param name="background">
    /// True while the bot answers by words meanwhile, on a thread of the caller's own: this thread
    /// (reading and writing the index) and the model's run at lower priority, so they take what CPU
    /// the answers leave. False when someone waits for the vectors.
    /// </param>
    public int FillVectors(bool background = false, CancellationToken cancellationToken = default)
    {
        if (store.Embedder is not { } embedder)
            return 0;
        if (background)
            BackgroundPriority.LowerCurrentThread();
        var embedded = 0;
        while (true)
        {
            IReadOnlyList<PlannedFile> plan;
            lock (_gate)
                plan = Plan();
            if (plan.Count == 0)
            {
                lock (_gate)
                    ForgetUnembeddedWithoutPassages();
                return embedded;
            }

            var texts = plan.Sum(f => f.TextCount);
            var run = new EmbeddingRun(texts, plan.Sum(f => f.Passages.Length), _clock, _listeners);
            foreach (var chunk in Chunks(plan))
            {
                var vectors = Embed(embedder, chunk, run, background, cancellationToken);
                lock (_gate)
                    WriteVectors(chunk, vectors);
            }

            embedded += texts;
        }
    }

    /// <summary>A file waiting for vectors, as the index holds it, with the hash it had when read.</summary>
    private sealed record PlannedFile(KnowledgeDocument Document, string Hash, PassageTexts[] Passages)
    {
        public int TextCount { get; } = Passages.Sum(p => p.Texts.Count);
    }

    private List<PlannedFile> Plan()
    {
        var manifest = store.Index.Manifest;
        var paths = manifest.Unembedded.Where(manifest.FileHashes.ContainsKey).Order(StringComparer.Ordinal);
        return store.Index.ReadDocuments(paths)
            .Select(d => new PlannedFile(d, manifest.FileHashes[d.Path], d.Passages.Select(PassageTexts.Of).ToArray()))
            .ToList();
    }

    private IEnumerable<List<PlannedFile>> Chunks(IReadOnlyList<PlannedFile> plan)
    {
        var chunk = new List<PlannedFile>();
        var texts = 0;
        foreach (var file in plan)
        {
            chunk.Add(file);
            texts += file.TextCount;
            if (texts < ChunkTexts)
                continue;
            yield return chunk;
            chunk = [];
            texts = 0;
        }

        if (chunk.Count > 0)
            yield return chunk;
    }

    /// <summary>Every text of the chunk's files through the model at once, sorted by length, then handed back to its passage.</summary>
    private static PassageVectors[][] Embed(ITextEmbedder embedder, List<PlannedFile> chunk, EmbeddingRun run, bool background, CancellationToken cancellationToken)
    {
        var texts = chunk.SelectMany(f => f.Passages.SelectMany(p => p.Texts)).ToArray();
        var vectors = LengthSortedBatches.Embed(embedder, texts, run.Embedded, cancellationToken, background);
        var result = new PassageVectors[chunk.Count][];
        var at = 0;
        for (var f = 0; f < chunk.Count; f++)
        {
            result[f] = new PassageVectors[chunk[f].Passages.Length];
            for (var p = 0; p < result[f].Length; p++)
            {
                result[f][p] = chunk[f].Passages[p].Assemble(vectors, at);
                at += chunk[f].Passages[p].Texts.Count;
            }
        }

        return result;
    }

    /// <summary>
    /// Commits the chunk's vectors, leaving out a file changed or deleted since it was read (its
    /// new version waits for its own turn). The commit that leaves nothing waiting is published.
    /// </summary>
    private void WriteVectors(List<PlannedFile> chunk, PassageVectors[][] vectors)
    {
        var manifest = store.Index.Manifest;
        var current = chunk.Select((file, i) => (file, i))
            .Where(x => manifest.Unembedded.Contains(x.file.Document.Path) && manifest.FileHashes.GetValueOrDefault(x.file.Document.Path) == x.file.Hash)
            .ToArray();
        if (current.Length == 0)
            return;
        var unembedded = manifest.Unembedded.Except(current.Select(x => x.file.Document.Path)).ToHashSet(StringComparer.Ordinal);
        store.Index.Apply(current.Select(x => new IndexedDocument(x.file.Document, vectors[x.i])), [], manifest with { Unembedded = unembedded }, publish: false);
        Log.VectorsCommitted(logger, current.Length, unembedded.Count);
        if (unembedded.Count == 0)
            PublishComplete();
    }

    /// <summary>A file named as waiting whose passages are gone has nothing to wait for.</summary>
    private void ForgetUnembeddedWithoutPassages()
    {
        var manifest = store.Index.Manifest;
        if (manifest.Unembedded.Count == 0)
            return;
        store.Index.Apply([], [], manifest with { Unembedded = new HashSet<string>(StringComparer.Ordinal) }, publish: false);
        PublishComplete();
    }

    private void PublishComplete()
    {
        var wasComplete = store.Index.VectorsComplete;
        store.Index.CompactDeletes();
        store.Index.Publish();
        if (!wasComplete)
            Log.AllVectorsIn(logger);
        store.StateMayHaveChanged();
    }

    private static partial class Log
    {
        [LoggerMessage(101, LogLevel.Debug, "Committed the vectors of {Files} files; {Left} files still wait for theirs")]
        public static partial void VectorsCommitted(ILogger logger, int files, int left);

        [LoggerMessage(102, LogLevel.Information, "Every passage has its vectors: answering by words and meaning")]
        public static partial void AllVectorsIn(ILogger logger);
    }
}
