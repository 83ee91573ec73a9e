using Bot.Knowledge.Analysis;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Semantic;
using Lucene.Net.Analysis;

namespace Bot.Knowledge;

/// <summary>
/// The searchable state: the passage index and the question analyzer built from the current
/// synonym file. Written by <see cref="KnowledgeSynchronizer"/>, read by the answer engine.
/// </summary>
public sealed class KnowledgeStore : IDisposable
{
    private volatile Analyzer _queryAnalyzer = TextAnalysis.CreateQueryAnalyzer(null);
    private volatile bool _ready;
    private readonly Lock _stateGate = new();
    private IndexState _toldState = IndexState.Starting;

    /// <param name="embedder">The sentence model for meaning-based retrieval, or null for the lexical path only.</param>
    /// <param name="questionCacheSize">How many recent questions keep their embedding.</param>
    public KnowledgeStore(KnowledgeIndex index, ITextEmbedder? embedder = null, int questionCacheSize = 1024)
    {
        if (index.EmbeddingModel != (embedder?.ModelId ?? ""))
            throw new ArgumentException($"The index was opened for embedding model '{index.EmbeddingModel}', not '{embedder?.ModelId}'.", nameof(embedder));
        Index = index;
        Questions = embedder is null ? null : new QuestionEmbeddings(embedder, questionCacheSize);
    }

    public KnowledgeIndex Index { get; }

    /// <summary>The sentence model, when meaning-based retrieval is on.</summary>
    public ITextEmbedder? Embedder => Questions?.Embedder;

    /// <summary>Question embeddings through their cache, when meaning-based retrieval is on.</summary>
    public QuestionEmbeddings? Questions { get; }

    /// <summary>The chain questions go through; swapped whole when the synonym file changes.</summary>
    public Analyzer QueryAnalyzer => _queryAnalyzer;

    /// <summary>The chain passages went through, for analysing sentences the same way.</summary>
    public Analyzer IndexAnalyzer { get; } = TextAnalysis.CreateIndexAnalyzer();

    /// <summary>True once the first synchronisation has finished; before that, answers would be empty.</summary>
    public bool IsReady => _ready;

    /// <summary>
    /// What questions are answered with now: nothing yet, words only (the vectors are still being
    /// built, or the sentence model is off), or words and meaning. Cheap to read.
    /// </summary>
    public IndexState State => !_ready ? IndexState.Starting
        : Questions is not null && Index.VectorsComplete ? IndexState.Hybrid
        : IndexState.LexicalOnly;

    /// <summary>Raised after <see cref="State"/> changes, on the thread that changed it.</summary>
    public event Action<IndexState>? StateChanged;

    internal void MarkReady()
    {
        _ready = true;
        StateMayHaveChanged();
    }

    /// <summary>Tells <see cref="StateChanged"/> listeners when the state is not the one they were last told.</summary>
    internal void StateMayHaveChanged()
    {
        IndexState now;
        lock (_stateGate)
        {
            now = State;
            if (now == _toldState)
                return;
            _toldState = now;
        }

        StateChanged?.Invoke(now);
    }

    // The previous analyzer is left to the GC rather than disposed: a question in flight may still be using it.
    internal void UseSynonyms(SynonymFile synonyms) => _queryAnalyzer = TextAnalysis.CreateQueryAnalyzer(synonyms.Map);

    public void Dispose() => Index.Dispose();
}
