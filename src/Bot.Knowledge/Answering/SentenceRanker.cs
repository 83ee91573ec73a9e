using Bot.Knowledge.Search;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Scores every sentence of the candidate passages and picks the one that answers. A sentence
/// scores for the share of the question it covers, for the share its passage covers, for holding
/// the kind of thing asked for, and a little for its passage's BM25 rank; it loses for only
/// repeating the question. Weights are explained in docs/RETRIEVAL.md.
/// </summary>
internal sealed class SentenceRanker
{
    private const float PassageCoverageWeight = 0.4f;
    /// <summary>For "who", "where", "when" and "how many", holding a name, place, date or number is most of what answering means.</summary>
    private const float StrongEvidenceWeight = 0.5f;
    /// <summary>For "which ..." and "why", evidence is a weaker hint.</summary>
    private const float WeakEvidenceWeight = 0.3f;
    /// <summary>
    /// Share of the previous sentence's coverage a sentence inherits when it opens with a pronoun:
    /// "She met Pastor Kim in 2019" is about "the director, Madeleine Gavin" of the sentence before.
    /// </summary>
    private const float PronounCarryOver = 0.9f;
    /// <summary>Any other sentence continues its neighbour's topic too, but more loosely.</summary>
    private const float CarryOver = 0.3f;

    private const float Bm25Weight = 0.15f;
    private const float EchoPenalty = 0.3f;
    /// <summary>Credit for one word of a two-word name found without the other ("beyond" for "Beyond Utopia").</summary>
    private const float BrokenPhraseCredit = 0.4f;
    /// <summary>Credit for a concept found only in the passage's title or section heading.</summary>
    private const float ContextCredit = 0.7f;

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "it", "his", "her", "their", "its", "this", "these", "there", "then",
    };

    private readonly IReadOnlyList<Concept> _concepts;
    private readonly float _total;
    private readonly AnswerType _type;
    private readonly IReadOnlySet<string> _questionWords;
    private readonly HashSet<string> _questionTerms;
    private readonly bool[] _phraseWithNext;

    public SentenceRanker(string question, IReadOnlyList<Concept> concepts, IReadOnlyList<AnalyzedPassage> passages)
    {
        _concepts = concepts;
        _total = concepts.Sum(c => c.Weight);
        _type = AnswerTypes.Detect(question);
        _questionWords = AnalyzedPassage.Words(question).Select(w => w.Lower).ToHashSet(StringComparer.Ordinal);
        _questionTerms = concepts.SelectMany(c => c.Variants.Keys).ToHashSet(StringComparer.Ordinal);
        _phraseWithNext = new bool[concepts.Count];
        for (var i = 0; i + 1 < concepts.Count; i++)
            _phraseWithNext[i] = passages.Any(p => p.Sentences.Any(s => Adjacent(s, concepts[i], concepts[i + 1])));
    }

    /// <summary>Share of the question's weight a passage covers, counting its title and section at a discount.</summary>
    public float PassageCoverage(AnalyzedPassage passage, IReadOnlySet<string> contextTerms) =>
        _total <= 0 ? 0 : _concepts.Sum(c => c.Weight * Math.Max(c.MatchIn(passage.TermSet), ContextCredit * c.MatchIn(contextTerms))) / _total;

    public float Score(AnalyzedSentence sentence, AnalyzedSentence? previous, float passageCoverage, float bm25Share)
    {
        var own = Coverage(sentence, null);
        var withPrevious = previous is null ? own : Coverage(sentence, previous);
        var evidenceWeight = _type is AnswerType.Person or AnswerType.Place or AnswerType.Time or AnswerType.Quantity or AnswerType.Identity ? StrongEvidenceWeight : WeakEvidenceWeight;
        var carry = sentence.Words.Count > 0 && Pronouns.Contains(sentence.Words[0].Text) ? PronounCarryOver : CarryOver;
        var score = own + carry * Math.Max(0, withPrevious - own)
            + PassageCoverageWeight * passageCoverage
            + Bm25Weight * bm25Share
            + evidenceWeight * AnswerEvidence.Strength(sentence, _type, _questionWords, _questionTerms);
        // A sentence made only of the question's own words repeats it; it does not answer it.
        if (TermCounts.Shared(sentence.Terms, _questionTerms) == sentence.Terms.Count)
            score -= EchoPenalty;
        return score;
    }

    public AnswerType Type => _type;

    public IReadOnlyList<Concept> Concepts => _concepts;

    /// <summary>How strongly the unit holds the kind of thing asked for (0 to 1), beyond the question's own words.</summary>
    public float Evidence(AnalyzedSentence unit) => AnswerEvidence.Strength(unit, _type, _questionWords, _questionTerms);

    /// <summary>Share of the unit's words that the question already said: 1 for a unit that only repeats it.</summary>
    public float Echo(AnalyzedSentence unit) =>
        unit.Terms.Count == 0 ? 1f : (float)TermCounts.Shared(unit.Terms, _questionTerms) / unit.Terms.Count;

    /// <summary>Words of the unit the question did not say: what an answer adds.</summary>
    public int NewTerms(AnalyzedSentence unit) => unit.Terms.Count - TermCounts.Shared(unit.Terms, _questionTerms);

    /// <summary>Share of the question's weight a sentence covers, together with the one before it when given.</summary>
    public float Coverage(AnalyzedSentence sentence, AnalyzedSentence? previous)
    {
        if (_total <= 0)
            return 0;
        var covered = 0f;
        for (var i = 0; i < _concepts.Count; i++)
        {
            var credit = _concepts[i].MatchIn(sentence.Terms);
            if (previous is not null)
                credit = Math.Max(credit, _concepts[i].MatchIn(previous.Terms));
            if (credit == 0)
                continue;
            var joinedBefore = i > 0 && _phraseWithNext[i - 1];
            var joinedAfter = _phraseWithNext[i];
            if ((joinedBefore || joinedAfter)
                && !(joinedBefore && SaysTogether(_concepts[i - 1], _concepts[i], sentence, previous))
                && !(joinedAfter && SaysTogether(_concepts[i], _concepts[i + 1], sentence, previous)))
            {
                credit *= BrokenPhraseCredit;
            }

            covered += _concepts[i].Weight * credit;
        }

        return covered / _total;
    }

    private static bool SaysTogether(Concept first, Concept second, AnalyzedSentence sentence, AnalyzedSentence? previous) =>
        Adjacent(sentence, first, second) || (previous is not null && Adjacent(previous, first, second));

    /// <summary>Whether the sentence says the two concepts as one name: next to each other, nothing between.</summary>
    private static bool Adjacent(AnalyzedSentence sentence, Concept first, Concept second)
    {
        var sequence = sentence.Sequence;
        for (var i = 0; i + 1 < sequence.Count; i++)
        {
            if (sentence.Joined[i + 1] && first.Variants.ContainsKey(sequence[i]) && second.Variants.ContainsKey(sequence[i + 1]))
                return true;
        }

        return false;
    }
}
