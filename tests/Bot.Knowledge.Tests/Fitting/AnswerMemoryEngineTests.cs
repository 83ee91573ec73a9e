using Bot.Knowledge.Answering;
using Bot.Knowledge.Tests.Support;

namespace Bot.Knowledge.Tests.Fitting;

/// <summary>The engine with the shipped memory: it is consulted for a new question, and a memory of another sentence model is never compared.</summary>
public sealed class AnswerMemoryEngineTests(HybridKnowledgeFixture knowledge) : IClassFixture<HybridKnowledgeFixture>
{
    private const string Question = "where can i stream it";

    [Fact]
    public void The_shipped_memory_was_embedded_by_the_sentence_model_the_bot_runs_and_is_consulted()
    {
        Assert.Equal(knowledge.Store.Embedder!.ModelId, AnswerModel.Shipped.Memory.ModelId);
        Assert.NotEmpty(AnswerModel.Shipped.Memory.Entries);

        var units = knowledge.Engine.Explain(Question, RetrievalMode.Hybrid).Units;

        Assert.Contains(units, u => u.Features[Column("mem_in")] > 0.3f);
    }

    [Fact]
    public void A_memory_embedded_by_another_sentence_model_is_ignored()
    {
        var shipped = AnswerModel.Shipped;
        var modes = new[] { RetrievalMode.Hybrid, RetrievalMode.Lexical, RetrievalMode.Semantic }.ToDictionary(m => m, shipped.For);
        var engine = new AnswerEngine(knowledge.Store, new AnswerModel(modes, new AnswerMemory(shipped.Memory.Entries, "another-model")));

        var units = engine.Explain(Question, RetrievalMode.Hybrid).Units;

        Assert.NotEmpty(units);
        Assert.All(units, u => Assert.All(u.Features.Skip(AnswerFeatures.MemoryColumn), v => Assert.Equal(0, v)));
    }

    private static int Column(string name) => AnswerFeatures.MemoryColumn + AnswerMemory.Names.ToList().IndexOf(name);
}
