using Bot.Knowledge;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Semantic;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Benchmarks;

/// <summary>Which knowledge folder a benchmark runs against.</summary>
public enum Corpus
{
    /// <summary>The repository's knowledge/ folder: one article, a few dozen passages.</summary>
    Shipped,
    /// <summary><see cref="GeneratedCorpus"/>: 10,000 generated passages plus the shipped article.</summary>
    Generated10k,
}

/// <summary>
/// A scratch folder under the system temp folder holding the knowledge (for the generated corpus)
/// and the on-disk indexes a benchmark builds. Deleted on dispose.
/// </summary>
internal sealed class ScratchFolder : IDisposable
{
    public const int MaxFileBytes = 4 * 1024 * 1024; // KnowledgeOptions.MaxFileBytes' default

    private readonly bool _keep;

    /// <param name="documents">For <see cref="Corpus.Generated10k"/>: how many of its documents to write (50 passages each);
    /// fewer than all gives the first documents of the same corpus, for a subset.</param>
    /// <param name="keepIn">A folder to write into and keep afterwards (it should be empty), instead of a temp folder deleted on dispose.</param>
    public ScratchFolder(Corpus corpus, int documents = GeneratedCorpus.Documents, string? keepIn = null)
    {
        _keep = keepIn is not null;
        Root = keepIn is not null ? Path.GetFullPath(keepIn) : Path.Combine(Path.GetTempPath(), $"bot-bench-{corpus}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
        if (corpus == Corpus.Generated10k)
        {
            KnowledgeFolder = Path.Combine(Root, "knowledge");
            GeneratedCorpus.Write(KnowledgeFolder, BenchmarkInputs.ShippedKnowledgeFolder, documents);
        }
        else
        {
            KnowledgeFolder = BenchmarkInputs.ShippedKnowledgeFolder;
        }
    }

    public string Root { get; }

    public string KnowledgeFolder { get; }

    public string NewIndexFolder() => Path.Combine(Root, $"index-{Guid.NewGuid():N}");

    /// <summary>Opens (or creates) the on-disk index in <paramref name="indexFolder"/> and brings it in line with the knowledge.</summary>
    /// <param name="embedder">The sentence model for hybrid retrieval (its vectors are stored with the index), or null for the lexical path only.</param>
    /// <param name="questionCacheSize">How many recent questions keep their embedding; 0 makes every question run the model.</param>
    public (KnowledgeStore Store, SyncReport Report) OpenAndSynchronize(string indexFolder, ITextEmbedder? embedder = null, int questionCacheSize = 1024)
    {
        var index = KnowledgeIndex.Open(indexFolder, embedder?.ModelId);
        if (index.IsPrivateCopy)
        {
            index.Dispose();
            throw new InvalidOperationException($"{indexFolder} is locked by another writer; the benchmark would measure an in-memory copy.");
        }

        var store = new KnowledgeStore(index, embedder, questionCacheSize);
        var report = new KnowledgeSynchronizer(store, KnowledgeFolder, MaxFileBytes, NullLogger.Instance).Synchronize();
        return (store, report);
    }

    public void Dispose()
    {
        if (_keep)
            return;
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a benchmark run over.
        }
    }
}
