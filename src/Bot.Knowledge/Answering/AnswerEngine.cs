using Bot.Knowledge.Analysis;
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

    public Answer Ask(string question, int passages = 5)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (string.IsNullOrWhiteSpace(question))
            return Answer.NotAnswered(question, Abstention.EmptyQuestion);

        using var lease = store.Index.Acquire();
        var searcher = lease.Searcher;
        var asked = QuestionFocus.Of(question);
        var typeNoun = AnswerTypes.TypeNoun(asked);
        var leaveOut = typeNoun is null ? null : TextAnalysis.Terms(store.IndexAnalyzer, typeNoun).FirstOrDefault();
        var snapshot = IndexSnapshot.Of(searcher);
        var concepts = QuestionAnalysis.Analyze(asked, store.QueryAnalyzer, snapshot, leaveOut);
        if (concepts.Count == 0)
            return Answer.NotAnswered(question, Abstention.EmptyQuestion);
        if (!concepts.Any(c => c.Known))
            return Answer.NotAnswered(question, Abstention.NothingMatched);

        // In-order collection scores with BooleanScorer2, which allocates far less per search than
        // the out-of-order BooleanScorer's bucket table.
        var collector = TopScoreDocCollector.Create(Math.Max(Candidates, passages), docsScoredInOrder: true);
        searcher.Search(PassageQuery.Build(concepts, snapshot, searcher), collector);
        var top = collector.GetTopDocs();
        if (top.ScoreDocs.Length == 0)
            return Answer.NotAnswered(question, Abstention.NothingMatched);

        var candidates = top.ScoreDocs.Select(hit => Candidate.Load(searcher, snapshot, hit, store)).ToArray();
        var ranker = new SentenceRanker(asked, concepts, candidates.Select(c => c.Analyzed).ToArray());
        var best = PickSentence(ranker, candidates, top.MaxScore);
        // Abstain unless some passage covers enough of the question. Not only the winner's: the
        // answer sentence may sit in a passage that shares just the key word ("director").
        var coverage = candidates.Max(c => c.Coverage);
        if (best is null || coverage < MinCoverage || !ranker.Answers(best.Value.Sentence))
            return Answer.NotAnswered(question, Abstention.NotEnoughEvidence) with { Coverage = coverage };

        var (winner, sentence) = best.Value;
        var ordered = candidates.OrderByDescending(c => ReferenceEquals(c, winner)).ThenByDescending(c => c.Score).Take(passages);
        var hits = ordered.Select(c => new PassageHit(
                c.Passage,
                c.Score,
                Highlights(c.Analyzed, concepts),
                ReferenceEquals(c, winner) ? sentence.Span : null))
            .ToArray();
        return new Answer(question, true, sentence.Text, hits, null) { Coverage = coverage };
    }

    private static (Candidate Candidate, AnalyzedSentence Sentence)? PickSentence(
        SentenceRanker ranker, IReadOnlyList<Candidate> candidates, float maxScore)
    {
        (Candidate, AnalyzedSentence)? best = null;
        var bestScore = float.MinValue;
        foreach (var candidate in candidates)
        {
            candidate.Coverage = ranker.PassageCoverage(candidate.Analyzed, candidate.ContextTerms);
            var bm25Share = maxScore > 0 ? candidate.Score / maxScore : 0;
            AnalyzedSentence? previous = null;
            foreach (var sentence in candidate.Analyzed.Sentences)
            {
                var score = ranker.Score(sentence, previous, candidate.Coverage, bm25Share);
                previous = sentence;
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

        public static Candidate Load(IndexSearcher searcher, IndexSnapshot snapshot, ScoreDoc hit, KnowledgeStore store)
        {
            var passage = snapshot.Passage(searcher, hit.Doc);
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
