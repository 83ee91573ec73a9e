using Bot.Knowledge;
using Bot.Knowledge.Indexing;
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

    public ScratchFolder(Corpus corpus)
    {
        Root = Path.Combine(Path.GetTempPath(), $"bot-bench-{corpus}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
        if (corpus == Corpus.Generated10k)
        {
            KnowledgeFolder = Path.Combine(Root, "knowledge");
            GeneratedCorpus.Write(KnowledgeFolder, BenchmarkInputs.ShippedKnowledgeFolder);
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
    public (KnowledgeStore Store, SyncReport Report) OpenAndSynchronize(string indexFolder)
    {
        var index = KnowledgeIndex.Open(indexFolder);
        if (index.IsPrivateCopy)
        {
            index.Dispose();
            throw new InvalidOperationException($"{indexFolder} is locked by another writer; the benchmark would measure an in-memory copy.");
        }

        var store = new KnowledgeStore(index);
        var report = new KnowledgeSynchronizer(store, KnowledgeFolder, MaxFileBytes, NullLogger.Instance).Synchronize();
        return (store, report);
    }

    public void Dispose()
    {
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
