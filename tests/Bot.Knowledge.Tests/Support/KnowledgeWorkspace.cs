using System.Text;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Tests.Support;

/// <summary>
/// A knowledge folder and a data folder inside a temp folder, as the bot lays them out, with
/// helpers to write articles and to open the on-disk index over them. Everything opened is
/// closed, and the folder deleted, on dispose.
/// </summary>
internal sealed class KnowledgeWorkspace : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly List<IDisposable> _opened = [];

    public KnowledgeWorkspace(bool withShippedKnowledge = false)
    {
        Directory.CreateDirectory(KnowledgeFolder);
        if (!withShippedKnowledge)
            return;
        foreach (var file in Directory.GetFiles(TestPaths.ShippedKnowledge))
            File.Copy(file, Path.Combine(KnowledgeFolder, Path.GetFileName(file)));
    }

    public string KnowledgeFolder => _temp.Combine("knowledge");

    public string DataFolder => _temp.Combine("data");

    /// <summary>Where the bot keeps its index: <c>index</c> under the data folder.</summary>
    public string IndexFolder => Path.Combine(DataFolder, "index");

    /// <summary>What the synchronisers opened here have logged.</summary>
    public CapturingLogger Log { get; } = new();

    public string PathOf(string relativePath) => Path.Combine(KnowledgeFolder, relativePath);

    /// <summary>Writes a file whole, as an editor that saves by renaming does, so no reader sees half of it.</summary>
    public string Write(string relativePath, string content) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string relativePath, byte[] content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var staging = Path.Combine(_temp.FullPath, Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllBytes(staging, content);
        File.Move(staging, path, overwrite: true);
        return path;
    }

    public void Delete(string relativePath) => File.Delete(PathOf(relativePath));

    /// <summary>Opens (or reopens) the on-disk index under the data folder, with a synchroniser over the knowledge folder.</summary>
    /// <param name="embedder">A sentence model for hybrid retrieval, or null for words only.</param>
    public OpenKnowledge Open(int maxFileBytes = 4 * 1024 * 1024, ITextEmbedder? embedder = null)
    {
        var knowledge = new OpenKnowledge(KnowledgeIndex.Open(IndexFolder, embedder?.ModelId), KnowledgeFolder, maxFileBytes, Log, embedder);
        _opened.Add(knowledge);
        return knowledge;
    }

    public void Dispose()
    {
        foreach (var o in _opened)
            o.Dispose();
        _temp.Dispose();
    }
}

/// <summary>An index with its store, synchroniser and answer engine: what the bot runs on.</summary>
internal sealed class OpenKnowledge : IDisposable
{
    private bool _disposed;

    public OpenKnowledge(KnowledgeIndex index, string knowledgeFolder, int maxFileBytes, CapturingLogger log, ITextEmbedder? embedder = null)
    {
        Store = new KnowledgeStore(index, embedder);
        Synchronizer = new KnowledgeSynchronizer(Store, knowledgeFolder, maxFileBytes, log);
        Engine = new AnswerEngine(Store);
    }

    public KnowledgeStore Store { get; }

    public KnowledgeSynchronizer Synchronizer { get; }

    public AnswerEngine Engine { get; }

    public SyncReport Sync() => Synchronizer.Synchronize();

    public Answer Ask(string question, RetrievalMode? mode = null) => Engine.Ask(question, mode: mode);

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Store.Dispose();
    }
}
