using Bot.Knowledge.Answering;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Search;

namespace Bot.Knowledge.Tests.Support;

/// <summary>The shipped knowledge folder indexed on disk in a temp folder: what the bot answers from.</summary>
public sealed class ShippedKnowledgeFixture : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly KnowledgeStore _store;

    public ShippedKnowledgeFixture()
    {
        _store = new KnowledgeStore(KnowledgeIndex.Open(_temp.Combine("index")));
        Report = new KnowledgeSynchronizer(_store, TestPaths.ShippedKnowledge, 4 * 1024 * 1024, new CapturingLogger()).Synchronize();
        Engine = new AnswerEngine(_store);
    }

    public SyncReport Report { get; }

    public AnswerEngine Engine { get; }

    public Answer Ask(string question) => Engine.Ask(question);

    /// <summary>What the engine keeps in memory about the index as it is now.</summary>
    internal IndexSnapshot Snapshot()
    {
        using var lease = _store.Index.Acquire();
        return IndexSnapshot.Of(lease.Searcher);
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }
}
