using System.Runtime.CompilerServices;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Bot.Knowledge.Summaries;

/// <summary>
/// Every sentence of one index snapshot in reading order, analysed by the index chain, with
/// sentence-level IDF and unit TF-IDF vectors for comparing sentences with one another. Built
/// once per snapshot (a reload makes a new one) and shared by summaries and trivia.
/// </summary>
internal sealed class SentenceCorpus
{
    private static readonly ConditionalWeakTable<IndexReader, SentenceCorpus> Snapshots = new();

    private readonly Dictionary<string, int> _documentFrequencies;
    private readonly Dictionary<string, float>[] _vectors;

    private SentenceCorpus(IReadOnlyList<CorpusSentence> sentences)
    {
        Sentences = sentences;
        _documentFrequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var term in sentence.Analyzed.Terms)
                _documentFrequencies[term] = _documentFrequencies.GetValueOrDefault(term) + 1;
        }

        _vectors = sentences.Select(s => UnitVector(s.Analyzed.Sequence)).ToArray();
    }

    /// <summary>All sentences, in reading order; <see cref="CorpusSentence.Index"/> is the place in this list.</summary>
    public IReadOnlyList<CorpusSentence> Sentences { get; }

    public static SentenceCorpus Of(KnowledgeStore store, IndexSearcher searcher) =>
        Snapshots.GetValue(searcher.IndexReader, _ => Build(store, searcher));

    /// <summary>BM25's inverse document frequency with sentences as the documents.</summary>
    public float Idf(string term)
    {
        var df = _documentFrequencies.GetValueOrDefault(term);
        return (float)Math.Log(1 + (Sentences.Count - df + 0.5) / (df + 0.5));
    }

    /// <summary>The sentence's TF-IDF vector, of length 1 (empty for a sentence of stop words only).</summary>
    public IReadOnlyDictionary<string, float> Vector(int sentence) => _vectors[sentence];

    public static float Cosine(IReadOnlyDictionary<string, float> a, IReadOnlyDictionary<string, float> b)
    {
        if (a.Count > b.Count)
            (a, b) = (b, a);
        var dot = 0f;
        foreach (var (term, weight) in a)
        {
            if (b.TryGetValue(term, out var other))
                dot += weight * other;
        }

        return dot;
    }

    private Dictionary<string, float> UnitVector(IEnumerable<string> terms)
    {
        var vector = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var term in terms)
            vector[term] = vector.GetValueOrDefault(term) + 1;
        foreach (var term in vector.Keys.ToArray())
            vector[term] = (1 + MathF.Log(vector[term])) * Idf(term);
        var norm = MathF.Sqrt(vector.Values.Sum(w => w * w));
        if (norm > 0)
        {
            foreach (var term in vector.Keys.ToArray())
                vector[term] /= norm;
        }

        return vector;
    }

    private static SentenceCorpus Build(KnowledgeStore store, IndexSearcher searcher)
    {
        var reader = searcher.IndexReader;
        var snapshot = IndexSnapshot.Of(searcher);
        var live = MultiFields.GetLiveDocs(reader);
        var passages = new List<Passage>();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is null || live.Get(doc))
                passages.Add(snapshot.Passage(searcher, doc));
        }

        passages.Sort((a, b) =>
        {
            var byPath = string.CompareOrdinal(a.Path, b.Path);
            return byPath != 0 ? byPath : a.Ordinal.CompareTo(b.Ordinal);
        });

        var sentences = new List<CorpusSentence>();
        var contexts = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        IReadOnlySet<string> ContextTerms(string text) =>
            contexts.TryGetValue(text, out var terms) ? terms : contexts[text] = AnalyzedPassage.Of(text, store.IndexAnalyzer).TermSet;

        foreach (var passage in passages)
        {
            var analyzed = AnalyzedPassage.Of(passage.Text, store.IndexAnalyzer);
            var section = ContextTerms(passage.Section);
            var title = ContextTerms(passage.Title);
            for (var position = 0; position < analyzed.Sentences.Count; position++)
            {
                var sentence = analyzed.Sentences[position];
                sentences.Add(new CorpusSentence(
                    sentences.Count,
                    new KnowledgeSentence(passage, position, sentence.Span, sentence.Text),
                    sentence,
                    section,
                    title));
            }
        }

        return new SentenceCorpus(sentences);
    }
}

/// <param name="Index">Place in the corpus's reading order.</param>
/// <param name="SectionTerms">Stems of the passage's section heading.</param>
/// <param name="TitleTerms">Stems of the passage's document title.</param>
internal sealed record CorpusSentence(
    int Index, KnowledgeSentence Sentence, AnalyzedSentence Analyzed, IReadOnlySet<string> SectionTerms, IReadOnlySet<string> TitleTerms);
