using Bot.Knowledge;
using Bot.Knowledge.Answering;

namespace Bot.Commands;

/// <summary>What commands may ask of the knowledge: the only source of facts about the film.</summary>
public interface IKnowledgeReader
{
    /// <summary>False until the knowledge folder has been indexed once; answers before that would be empty.</summary>
    bool IsReady { get; }

    /// <summary>The knowledge's answer; throws only when the index itself is broken.</summary>
    Answer Ask(string question);
}

/// <summary>The knowledge as the bot runs it: the answer engine over the on-disk index.</summary>
public sealed class KnowledgeReader(AnswerEngine engine, KnowledgeStore store) : IKnowledgeReader
{
    public bool IsReady => store.IsReady;

    public Answer Ask(string question) => engine.Ask(question);
}
