using Bot.Knowledge.Answering;
using Bot.Knowledge.Indexing;

namespace Bot.Knowledge.Tests.Support;

/// <summary>The shipped knowledge indexed on disk with sentence vectors: what the bot answers from by default.</summary>
public sealed class HybridKnowledgeFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public HybridKnowledgeFixture()
    {
        Store = new KnowledgeStore(KnowledgeIndex.Open(_temp.Combine("index"), SentenceModel.Shared.ModelId), SentenceModel.Shared);
        new KnowledgeSynchronizer(Store, TestPaths.ShippedKnowledge, 4 * 1024 * 1024, new CapturingLogger()).Synchronize();
        Engine = new AnswerEngine(Store);
    }

    public KnowledgeStore Store { get; }

    public AnswerEngine Engine { get; }

    public Answer Ask(string question, RetrievalMode? mode = null) => Engine.Ask(question, mode: mode);

    public void Dispose()
    {
        Store.Dispose();
        _temp.Dispose();
    }
}
