using Bot.Knowledge.Documents;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Search;
using Bot.Knowledge.Text;
using Lucene.Net.Search;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Answers a question from the knowledge: finds passages with BM25, picks the sentence that
/// answers (by how much of the question it covers, how well its passage covers it, and whether
/// it holds the kind of thing asked for), and abstains when the best passage covers too little
/// of the question to be trusted.
/// </summary>
public sealed class AnswerEngine(KnowledgeStore store)
{
    /// <summary>Passages whose sentences compete for the answer.</summary>
    private const int Candidates = 8;

    /// <summary>
    /// Share of the question's weight (IDF-weighted concepts) the best passage must cover to be
    /// trusted. Below it, the question is mostly about things the knowledge does not mention.
    /// </summary>
    public const float MinCoverage = 0.5f;

    // Weights of the sentence score; see docs/RETRIEVAL.md for how they were chosen.
    private const float PassageCoverageWeight = 0.4f;
    private const float EvidenceWeight = 0.25f;
    private const float Bm25Weight = 0.15f;
    private const float EchoPenalty = 0.3f;

    public Answer Ask(string question, int passages = 5)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (string.IsNullOrWhiteSpace(question))
            return Answer.NotAnswered(question, Abstention.EmptyQuestion);

        using var lease = store.Index.Acquire();
        var searcher = lease.Searcher;
        var concepts = QuestionAnalysis.Analyze(question, store.QueryAnalyzer, searcher.IndexReader);
        if (concepts.Count == 0)
            return Answer.NotAnswered(question, Abstention.EmptyQuestion);
        if (!concepts.Any(c => c.Known))
            return Answer.NotAnswered(question, Abstention.NothingMatched);

        var top = searcher.Search(PassageQuery.Build(concepts), Math.Max(Candidates, passages));
        if (top.ScoreDocs.Length == 0)
            return Answer.NotAnswered(question, Abstention.NothingMatched);

        var candidates = top.ScoreDocs.Select(hit => Candidate.Load(searcher, hit, store)).ToArray();
        var best = PickSentence(question, concepts, candidates, top.MaxScore);
        if (best is null || best.Value.Candidate.Coverage < MinCoverage)
            return Answer.NotAnswered(question, Abstention.NotEnoughEvidence);

        var (winner, sentence) = best.Value;
        var ordered = candidates.OrderByDescending(c => ReferenceEquals(c, winner)).ThenByDescending(c => c.Score).Take(passages);
        var hits = ordered.Select(c => new PassageHit(
                c.Passage,
                c.Score,
                Highlights(c.Analyzed, concepts),
                ReferenceEquals(c, winner) ? sentence.Span : null))
            .ToArray();
        return new Answer(question, true, sentence.Text, hits, null);
    }

    private static (Candidate Candidate, AnalyzedSentence Sentence)? PickSentence(
        string question, IReadOnlyList<Concept> concepts, IReadOnlyList<Candidate> candidates, float maxScore)
    {
        var total = concepts.Sum(c => c.Weight);
        var type = AnswerTypes.Detect(question);
        var questionWords = AnalyzedPassage.Words(question).Select(w => w.Text.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var questionTerms = concepts.SelectMany(c => c.Variants.Keys).ToHashSet(StringComparer.Ordinal);

        (Candidate, AnalyzedSentence)? best = null;
        var bestScore = float.MinValue;
        foreach (var candidate in candidates)
        {
            candidate.Coverage = concepts.Sum(c => c.Weight * Math.Max(c.MatchIn(candidate.Analyzed.TermSet), 0.7f * c.MatchIn(candidate.ContextTerms))) / total;
            foreach (var sentence in candidate.Analyzed.Sentences)
            {
                var coverage = concepts.Sum(c => c.Weight * c.MatchIn(sentence.Terms)) / total;
                var score = coverage
                    + PassageCoverageWeight * candidate.Coverage
                    + Bm25Weight * (maxScore > 0 ? candidate.Score / maxScore : 0);
                if (AnswerEvidence.Holds(sentence, type, questionWords))
                    score += EvidenceWeight;
                // A sentence made only of the question's own words repeats it; it does not answer it.
                if (sentence.Terms.All(questionTerms.Contains))
                    score -= EchoPenalty;
                if (score > bestScore)
                {
                    bestScore = score;
                    best = (candidate, sentence);
                }
            }
        }

        return best;
    }

    private static TextSpan[] Highlights(AnalyzedPassage passage, IReadOnlyList<Concept> concepts)
    {
        var wanted = concepts.SelectMany(c => c.Variants.Keys).ToHashSet(StringComparer.Ordinal);
        return passage.Terms.Where(t => wanted.Contains(t.Term)).Select(t => t.Span).ToArray();
    }

    private sealed class Candidate
    {
        public required Passage Passage { get; init; }
        public required float Score { get; init; }
        public required AnalyzedPassage Analyzed { get; init; }
        public required IReadOnlySet<string> ContextTerms { get; init; }
        /// <summary>Share of the question's weight this passage (with its title and section) covers.</summary>
        public float Coverage { get; set; }

        public static Candidate Load(IndexSearcher searcher, ScoreDoc hit, KnowledgeStore store)
        {
            var passage = KnowledgeIndex.FromLucene(searcher.Doc(hit.Doc));
            return new Candidate
            {
                Passage = passage,
                Score = hit.Score,
                Analyzed = AnalyzedPassage.Of(passage.Text, store.IndexAnalyzer),
                ContextTerms = AnalyzedPassage.Of($"{passage.Title}\n{passage.Section}", store.IndexAnalyzer).TermSet,
            };
        }
    }
}
