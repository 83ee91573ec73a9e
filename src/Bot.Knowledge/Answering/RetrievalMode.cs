namespace Bot.Knowledge.Answering;

/// <summary>How passages are found and the answer chosen.</summary>
public enum RetrievalMode
{
    /// <summary>Words only: BM25 over the analysed question, sentence choice and abstention by coverage.</summary>
    Lexical,
    /// <summary>Meaning only: cosine similarity of sentence embeddings.</summary>
    Semantic,
    /// <summary>Both, fused: the default when a sentence model is configured.</summary>
    Hybrid,
}
