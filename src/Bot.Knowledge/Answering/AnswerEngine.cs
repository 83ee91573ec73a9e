using Bot.Knowledge.Analysis;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Search;
using Bot.Knowledge.Semantic;
using Bot.Knowledge.Text;
using Lucene.Net.Search;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Answers a question from the knowledge. Lexically: BM25 finds passages, and the sentence that
/// answers is the one that covers the question, sits in a passage that covers it and holds the
/// kind of thing asked for. Semantically: the question's embedding is compared with every
/// passage's and sentence's. Hybrid fuses the two rankings (reciprocal rank fusion) and both
/// sentence scores, and abstains on calibrated thresholds of both (docs/RETRIEVAL.md).
/// </summary>
public sealed class AnswerEngine(KnowledgeStore store)
{
    /// <summary>Passages whose sentences compete for the answer.</summary>
    private const int Candidates = 8;

    /// <summary>Each ranking's depth fed to the fusion.</summary>
    private const int FusionDepth = 20;

    /// <summary>Reciprocal rank fusion's constant: 60 as in Cormack et al., so no one list's top rank dominates.</summary>
    private const int FusionK = 60;

    /// <summary>
    /// Share of the question's weight (IDF-weighted concepts) the best passage must cover to be
    /// trusted lexically. Below it, the question is mostly about things the knowledge does not mention.
    /// </summary>
    public const float MinCoverage = 0.5f;

    /// <summary>Weight of a sentence's cosine similarity in the hybrid sentence score.</summary>
    public const float SemanticSentenceWeight = 0.5f;

    /// <summary>
    /// Hybrid: the evidence needed to answer, as word coverage plus sentence similarity. Either
    /// can carry most of it: a paraphrase shares few words but means the same; a question
    /// phrased like the article may sit a little further from it in meaning.
    /// </summary>
    public const float MinHybridEvidence = 0.8f;

    /// <summary>Semantic only: the similarity the best sentence needs.</summary>
    public const float SemanticOnlySimilarity = 0.45f;

    /// <summary>The mode used when none is asked for: hybrid with a sentence model, lexical without.</summary>
    public RetrievalMode DefaultMode => store.Questions is null ? RetrievalMode.Lexical : RetrievalMode.Hybrid;

    public Answer Ask(string question, int passages = 5, RetrievalMode? mode = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var how = mode ?? DefaultMode;
        if (how != RetrievalMode.Lexical && store.Questions is null)
            throw new InvalidOperationException($"{how} retrieval needs a sentence model; Knowledge:Semantic is off.");
        if (string.IsNullOrWhiteSpace(question))
            return Answer.NotAnswered(question, Abstention.EmptyQuestion);

        using var lease = store.Index.Acquire();
        var searcher = lease.Searcher;
        var asked = QuestionFocus.Of(question);
        var typeNoun = AnswerTypes.TypeNoun(asked);
        var leaveOut = typeNoun is null ? null : TextAnalysis.Terms(store.IndexAnalyzer, typeNoun).FirstOrDefault();
        var snapshot = IndexSnapshot.Of(searcher);
        var concepts = QuestionAnalysis.Analyze(asked, store.QueryAnalyzer, snapshot, leaveOut);
        if (how == RetrievalMode.Lexical)
        {
            if (concepts.Count == 0)
                return Answer.NotAnswered(question, Abstention.EmptyQuestion);
            if (!concepts.Any(c => c.Known))
                return Answer.NotAnswered(question, Abstention.NothingMatched);
        }

        var lexical = how == RetrievalMode.Semantic || !concepts.Any(c => c.Known)
            ? []
            : SearchLexical(searcher, snapshot, concepts, how == RetrievalMode.Lexical ? Math.Max(Candidates, passages) : FusionDepth);
        float[]? questionVector = null;
        VectorTable? vectors = null;
        IReadOnlyList<(int Doc, float Cosine)> semantic = [];
        if (how != RetrievalMode.Lexical)
        {
            questionVector = store.Questions!.Embed(asked);
            vectors = snapshot.Vectors(searcher, store.Embedder!.Dimensions);
            semantic = vectors.Nearest(questionVector, FusionDepth);
        }

        var chosen = how switch
        {
            RetrievalMode.Lexical => lexical.Select(h => h.Doc).Take(Math.Max(Candidates, passages)),
            RetrievalMode.Semantic => semantic.Select(h => h.Doc).Take(Math.Max(Candidates, passages)),
            _ => Fuse(lexical.Select(h => h.Doc), semantic.Select(h => h.Doc)).Take(Math.Max(Candidates, passages)),
        };
        var bm25 = lexical.ToDictionary(h => h.Doc, h => h.Score);
        var maxScore = lexical.Length > 0 ? lexical.Max(h => h.Score) : 0f;
        var candidates = chosen
            .Select(doc => Candidate.Load(searcher, snapshot, doc, bm25.GetValueOrDefault(doc), store, questionVector, vectors))
            .ToArray();
        if (candidates.Length == 0)
            return Answer.NotAnswered(question, Abstention.NothingMatched);

        var ranker = new SentenceRanker(asked, concepts, candidates.Select(c => c.Analyzed).ToArray());
        var coverages = candidates.Select(c => ranker.PassageCoverage(c.Analyzed, c.ContextTerms)).ToArray();
        var best = PickSentence(ranker, candidates, coverages, maxScore, how);
        var coverage = coverages.Max();
        var similarity = best?.Similarity ?? 0f;
        if (best is null || !Trusted(how, coverage, similarity) || !ranker.Answers(best.Value.Sentence))
            return Answer.NotAnswered(question, Abstention.NotEnoughEvidence) with { Coverage = coverage, Similarity = similarity };

        var (winner, sentence, _) = best.Value;
        var wanted = concepts.SelectMany(c => c.Variants.Keys).ToHashSet(StringComparer.Ordinal);
        var ordered = candidates.OrderByDescending(c => ReferenceEquals(c, winner)).Take(passages);
        var hits = ordered.Select(c => new PassageHit(
                c.Passage,
                how == RetrievalMode.Semantic ? c.PassageSimilarity : c.Score,
                Highlights(c.Analyzed, wanted),
                ReferenceEquals(c, winner) ? sentence.Span : null))
            .ToArray();
        return new Answer(question, true, sentence.Text, hits, null) { Coverage = coverage, Similarity = similarity };
    }

    /// <summary>
    /// A search rather than a question: the passages whose words best match <paramref name="query"/>
    /// (BM25 over its words, their synonyms and near spellings, as <see cref="Ask"/> looks them up),
    /// best first, each with where those words occur. Nothing is abstained on and no answer
    /// sentence is chosen: a passage that matches one word of the query is a result. Empty when
    /// the query holds no word the knowledge knows.
    /// </summary>
    /// <param name="count">At most this many passages.</param>
    public IReadOnlyList<PassageHit> Search(string query, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (string.IsNullOrWhiteSpace(query))
            return [];

        using var lease = store.Index.Acquire();
        var searcher = lease.Searcher;
        var snapshot = IndexSnapshot.Of(searcher);
        var concepts = QuestionAnalysis.Analyze(query, store.QueryAnalyzer, snapshot);
        if (!concepts.Any(c => c.Known))
            return [];

        var wanted = concepts.SelectMany(c => c.Variants.Keys).ToHashSet(StringComparer.Ordinal);
        return SearchLexical(searcher, snapshot, concepts, count)
            .Select(hit =>
            {
                var passage = snapshot.Passage(searcher, hit.Doc);
                return new PassageHit(passage, hit.Score, Highlights(AnalyzedPassage.Of(passage.Text, store.IndexAnalyzer), wanted), null);
            })
            .ToArray();
    }

    /// <summary>
    /// Whether the evidence is enough to answer. Lexical: some passage covers enough of the
    /// question. Semantic: the chosen sentence means nearly the same. Hybrid: coverage and
    /// similarity together.
    /// </summary>
    private static bool Trusted(RetrievalMode mode, float coverage, float similarity) => mode switch
    {
        RetrievalMode.Lexical => coverage >= MinCoverage,
        RetrievalMode.Semantic => similarity >= SemanticOnlySimilarity,
        _ => coverage + similarity >= MinHybridEvidence,
    };

    private static ScoreDoc[] SearchLexical(IndexSearcher searcher, IndexSnapshot snapshot, IReadOnlyList<Concept> concepts, int count)
    {
        // In-order collection scores with BooleanScorer2, which allocates far less per search than
        // the out-of-order BooleanScorer's bucket table.
        var collector = TopScoreDocCollector.Create(count, docsScoredInOrder: true);
        searcher.Search(PassageQuery.Build(concepts, snapshot, searcher), collector);
        return collector.GetTopDocs().ScoreDocs;
    }

    /// <summary>Reciprocal rank fusion: a passage ranked well by either list, or fairly by both, comes first.</summary>
    private static IEnumerable<int> Fuse(IEnumerable<int> lexical, IEnumerable<int> semantic)
    {
        var scores = new Dictionary<int, double>();
        foreach (var ranking in new[] { lexical, semantic })
        {
            var rank = 0;
            foreach (var doc in ranking)
                scores[doc] = scores.GetValueOrDefault(doc) + 1.0 / (FusionK + ++rank);
        }

        return scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => kv.Key);
    }

    private static (Candidate Candidate, AnalyzedSentence Sentence, float Similarity)? PickSentence(
        SentenceRanker ranker, IReadOnlyList<Candidate> candidates, IReadOnlyList<float> coverages, float maxScore, RetrievalMode mode)
    {
        (Candidate, AnalyzedSentence, float)? best = null;
        var bestScore = float.MinValue;
        for (var c = 0; c < candidates.Count; c++)
        {
            var candidate = candidates[c];
            var bm25Share = maxScore > 0 ? candidate.Score / maxScore : 0;
            AnalyzedSentence? previous = null;
            var sentences = candidate.Analyzed.Sentences;
            for (var i = 0; i < sentences.Count; i++)
            {
                var sentence = sentences[i];
                var similarity = candidate.SentenceSimilarity(i);
                var score = mode switch
                {
                    RetrievalMode.Lexical => ranker.Score(sentence, previous, coverages[c], bm25Share),
                    RetrievalMode.Semantic => similarity,
                    _ => ranker.Score(sentence, previous, coverages[c], bm25Share) + SemanticSentenceWeight * similarity,
                };
                previous = sentence;
                if (score > bestScore)
                {
                    bestScore = score;
                    best = (candidate, sentence, similarity);
                }
            }
        }

        return best;
    }

    private static TextSpan[] Highlights(AnalyzedPassage passage, IReadOnlySet<string> wanted) =>
        passage.Terms.Where(t => wanted.Contains(t.Term)).Select(t => t.Span).ToArray();

    private sealed class Candidate
    {
        private float[]? sentenceSimilarities;

        public required Passage Passage { get; init; }
        /// <summary>BM25 score, 0 when only the semantic ranking found the passage.</summary>
        public required float Score { get; init; }
        public required AnalyzedPassage Analyzed { get; init; }
        public required IReadOnlySet<string> ContextTerms { get; init; }
        /// <summary>Cosine of the question with the whole passage, 0 without a model.</summary>
        public float PassageSimilarity { get; private init; }

        public float SentenceSimilarity(int sentence) =>
            sentenceSimilarities is { } s && sentence < s.Length ? s[sentence] : 0f;

        public static Candidate Load(
            IndexSearcher searcher, IndexSnapshot snapshot, int doc, float score, KnowledgeStore store, float[]? question, VectorTable? vectors)
        {
            var passage = snapshot.Passage(searcher, doc);
            var analyzed = AnalyzedPassage.Of(passage.Text, store.IndexAnalyzer);
            var stored = vectors?.Of(doc);
            float[]? similarities = null;
            var passageSimilarity = 0f;
            // Vectors were made from the same sentence split; a count that disagrees is not used.
            if (question is not null && stored is not null && stored.Sentences.Count == analyzed.Sentences.Count)
            {
                similarities = stored.Sentences.Select(v => Vectors.Dot(question, v)).ToArray();
                passageSimilarity = Vectors.Dot(question, stored.Passage);
            }

            return new Candidate
            {
                Passage = passage,
                Score = score,
                Analyzed = analyzed,
                ContextTerms = AnalyzedPassage.Of($"{passage.Title}\n{passage.Section}", store.IndexAnalyzer).TermSet,
                PassageSimilarity = passageSimilarity,
                sentenceSimilarities = similarities,
            };
        }
    }
}
