namespace Bot.Knowledge;

/// <summary>
/// What the published index answers with (<see cref="KnowledgeStore.State"/>): a readiness check can
/// tell a bot that answers by words only, while its vectors are still being built, from one that
/// answers by words and meaning.
/// </summary>
public enum IndexState
{
    /// <summary>The knowledge folder has not been indexed yet: every answer would be "I don't know".</summary>
    Starting,

    /// <summary>Answers by words (BM25) only: the vectors are still being built, or the sentence model is off.</summary>
    LexicalOnly,

    /// <summary>Every passage has its vectors: answers by words and meaning.</summary>
    Hybrid,
}
