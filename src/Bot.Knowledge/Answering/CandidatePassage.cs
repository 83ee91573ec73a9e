using Bot.Knowledge.Documents;
using Bot.Knowledge.Search;
using Bot.Knowledge.Semantic;
using Lucene.Net.Search;

namespace Bot.Knowledge.Answering;

/// <summary>A passage competing to hold the answer, analysed, with its similarities to the question.</summary>
internal sealed class CandidatePassage
{
    private float[]? _unitSimilarities;
    private float[]? _contextSimilarities;
    private float[]? _predicateUnitSimilarities;
    private float[]? _predicateContextSimilarities;
    private float[]? _clauseSimilarities;
    private float[]? _predicateClauseSimilarities;

    public required Passage Passage { get; init; }
    /// <summary>BM25 score, 0 when only the semantic ranking found the passage.</summary>
    public required float Score { get; init; }
    public required AnalyzedPassage Analyzed { get; init; }
    public required IReadOnlySet<string> ContextTerms { get; init; }
    /// <summary>Cosine of the question with the whole passage, 0 without a model.</summary>
    public float PassageSimilarity { get; private init; }
    /// <summary>Cosine of the question with the passage's heading (title and section), 0 without a model.</summary>
    public float HeadingSimilarity { get; private init; }

    /// <summary>Cosine of the question with answer unit <paramref name="unit"/> alone.</summary>
    public float UnitSimilarity(int unit) =>
        At(_unitSimilarities, unit);

    /// <summary>Cosine of the question with answer unit <paramref name="unit"/> read after the one before it.</summary>
    public float ContextSimilarity(int unit) =>
        At(_contextSimilarities, unit);

    /// <summary>Cosine of the question without its names (<see cref="Search.NameVariants.WithoutNames"/>) with unit <paramref name="unit"/>.</summary>
    public float PredicateUnitSimilarity(int unit) =>
        At(_predicateUnitSimilarities, unit);

    /// <summary>The same, with the unit read after the one before it.</summary>
    public float PredicateContextSimilarity(int unit) =>
        At(_predicateContextSimilarities, unit);

    /// <summary>Cosine of the question with the unit's closest clause; the unit's own cosine when it has one clause.</summary>
    public float ClauseSimilarity(int unit) =>
        At(_clauseSimilarities, unit);

    /// <summary>The same with the question without its names.</summary>
    public float PredicateClauseSimilarity(int unit) =>
        At(_predicateClauseSimilarities, unit);

    /// <summary>A unit's similarity, or 0 without a model (or when the stored vectors did not match).</summary>
    private static float At(float[]? similarities, int unit) =>
        similarities is { } s && unit < s.Length ? s[unit] : 0f;

    public static CandidatePassage Load(
        IndexSearcher searcher, IndexSnapshot snapshot, int doc, float score, KnowledgeStore store, float[]? question, float[]? predicate, VectorTable? vectors)
    {
        var passage = snapshot.Passage(searcher, doc);
        var analyzed = AnalyzedPassage.Of(passage.Text, store.IndexAnalyzer);
        var stored = vectors?.Of(doc);
        float[]? units = null, contexts = null, predicateUnits = null, predicateContexts = null, clauses = null, predicateClauses = null;
        float passageSimilarity = 0f, headingSimilarity = 0f;
        // Vectors were made from the same unit split; a count that disagrees is not used.
        if (question is not null && stored is not null && stored.Units.Count == analyzed.Units.Count)
        {
            units = stored.Units.Select(v => Vectors.Dot(question, v)).ToArray();
            contexts = stored.Contexts.Select(v => Vectors.Dot(question, v)).ToArray();
            passageSimilarity = Vectors.Dot(question, stored.Passage);
            headingSimilarity = Vectors.Dot(question, stored.Heading);
            // A question without names to remove asks with its own vector: its cosines are already here.
            var asks = predicate ?? question;
            var same = ReferenceEquals(asks, question);
            predicateUnits = same ? units : stored.Units.Select(v => Vectors.Dot(asks, v)).ToArray();
            predicateContexts = same ? contexts : stored.Contexts.Select(v => Vectors.Dot(asks, v)).ToArray();
            clauses = stored.Clauses.Select((c, i) => c.Count == 0 ? units[i] : c.Max(v => Vectors.Dot(question, v))).ToArray();
            predicateClauses = same ? clauses : stored.Clauses.Select((c, i) => c.Count == 0 ? predicateUnits[i] : c.Max(v => Vectors.Dot(asks, v))).ToArray();
        }

        return new CandidatePassage
        {
            Passage = passage,
            Score = score,
            Analyzed = analyzed,
            ContextTerms = AnalyzedPassage.Of($"{passage.Title}\n{passage.Section}", store.IndexAnalyzer).TermSet,
            PassageSimilarity = passageSimilarity,
            HeadingSimilarity = headingSimilarity,
            _unitSimilarities = units,
            _contextSimilarities = contexts,
            _predicateUnitSimilarities = predicateUnits,
            _predicateContextSimilarities = predicateContexts,
            _clauseSimilarities = clauses,
            _predicateClauseSimilarities = predicateClauses,
        };
    }
}
