using System.Text.RegularExpressions;

namespace Bot.Knowledge.Answering;

/// <summary>
/// What the answer scorer knows about one candidate answer unit for one question: how close it
/// sits in meaning (alone, with the unit before it, its passage, its heading), how much of the
/// question's words it covers (and whether only through words every unit has), whether it
/// holds the kind of thing asked for, and its shape. <see cref="AnswerModel"/> weighs them;
/// the weights are fitted (<c>fit</c>), never set by hand. Adding, removing or reordering a
/// feature changes <see cref="Version"/>, and a model file fitted on another list is refused.
/// </summary>
public static partial class AnswerFeatures
{
    /// <summary>Names, in order, as the model file lists them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "cos_unit", "cos_context", "cos_passage", "cos_heading", "cos_best", "cos_rank", "cos_ask_unit", "cos_ask_context", "cos_ask_best", "cos_clause", "cos_ask_clause",
        "cov_unit", "cov_context", "cov_passage", "cov_rare", "bm25_share", "known_share", "cov_best", "cov_ask", "cov_ask_best", "ask_share",
        "echo", "new_terms", "rule_score", "evidence_strong", "evidence_weak", "missing_number", "type_any",
        "log_words", "pronoun_start", "first_in_passage", "yesno_negation",
        .. AnswerMemory.Names,
    ];

    /// <summary>The first of the columns <see cref="AnswerMemory"/> fills.</summary>
    public static int MemoryColumn => Names.Count - AnswerMemory.Names.Count;

    public static string Version => string.Join(',', Names);

    /// <summary>
    /// Features of the question rather than the unit (the same for all its units): they cannot
    /// tell units apart, so the ranker leaves them out; the abstainer uses them.
    /// </summary>
    public static IReadOnlySet<string> QuestionLevel { get; } = new HashSet<string> { "cos_best", "cos_ask_best", "known_share", "cov_best", "cov_ask_best", "ask_share", "type_any", "mem_in", "mem_out", "mem_lex_in", "mem_lex_out", "mem_probe_out" };

    /// <summary>
    /// Features the abstainer weighs and the ranker does not: whether the memory knows a unit says
    /// how far to trust its silence, not which unit answers (ranking by it would favour the old
    /// knowledge over an article added since the fit).
    /// </summary>
    public static IReadOnlySet<string> AbstainerOnly { get; } = new HashSet<string> { "mem_known" };

    /// <summary>Features that need the sentence model: left out of the lexical scorer.</summary>
    public static IReadOnlySet<string> Semantic { get; } = Names.Where(n => n.StartsWith("cos_", StringComparison.Ordinal) || n.StartsWith("mem_", StringComparison.Ordinal)).ToHashSet();

    /// <summary>Features of word matching: left out of the meaning-only scorer.</summary>
    public static IReadOnlySet<string> Lexical { get; } =
        Names.Where(n => n.StartsWith("cov_", StringComparison.Ordinal) || n is "bm25_share" or "known_share" or "echo" or "new_terms" or "ask_share" or "rule_score").ToHashSet();

    private static readonly Dictionary<RetrievalMode, bool[]> MeasuredByMode = Enum.GetValues<RetrievalMode>().ToDictionary(
        mode => mode,
        mode => Names.Select(n => mode switch
        {
            RetrievalMode.Lexical => !Semantic.Contains(n),
            RetrievalMode.Semantic => !Lexical.Contains(n),
            _ => true,
        }).ToArray());

    /// <summary>Which features <paramref name="mode"/> measures: the lexical mode has no cosines, the semantic mode no word matching.</summary>
    public static IReadOnlyList<bool> Measured(RetrievalMode mode) => MeasuredByMode[mode];

    private static readonly float[] MemoryColumns = new float[AnswerMemory.Names.Count];

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "it", "his", "her", "their", "its", "this", "these", "there", "then", "that", "those",
    };

    /// <summary>One row of <see cref="Names"/> per unit of every candidate, in candidate then unit order.</summary>
    internal static IReadOnlyList<float[]> Compute(
        SentenceRanker ranker, IReadOnlyList<CandidatePassage> candidates, IReadOnlyList<float> passageCoverages, float maxBm25, float knownShare, bool yesNo,
        IReadOnlyList<bool> nameConcepts)
    {
        var units = new List<(int Candidate, int Unit)>();
        for (var c = 0; c < candidates.Count; c++)
        {
            for (var u = 0; u < candidates[c].Analyzed.Units.Count; u++)
                units.Add((c, u));
        }

        if (units.Count == 0)
            return [];

        var view = QuestionView.Of(ranker, candidates, units, nameConcepts);
        var rows = new float[units.Count][];
        for (var i = 0; i < units.Count; i++)
            rows[i] = Row(view, i, passageCoverages, maxBm25, knownShare, yesNo);
        return rows;
    }

    private static float[] Row(QuestionView view, int i, IReadOnlyList<float> passageCoverages, float maxBm25, float knownShare, bool yesNo)
    {
        var ranker = view.Ranker;
        var (c, u) = view.Units[i];
        var candidate = view.Candidates[c];
        var unit = candidate.Analyzed.Units[u];
        var previous = u > 0 ? candidate.Analyzed.Units[u - 1] : null;
        var bm25Share = maxBm25 > 0 ? candidate.Score / maxBm25 : 0f;
        var evidence = ranker.Evidence(unit);
        var strong = ranker.Type is AnswerType.Person or AnswerType.Place or AnswerType.Time or AnswerType.Quantity or AnswerType.Duration or AnswerType.Identity;
        var needsNumber = ranker.Type is AnswerType.Time or AnswerType.Quantity or AnswerType.Duration;
        var words = unit.Words;
        return
        [
            view.CosUnit[i],
            view.CosContext[i],
            candidate.PassageSimilarity,
            candidate.HeadingSimilarity,
            view.BestCos,
            1f / view.Rank[i],
            view.AskUnit[i],
            view.AskContext[i],
            view.BestAsk,
            candidate.ClauseSimilarity(u),
            candidate.PredicateClauseSimilarity(u),
            view.CovUnit[i],
            ranker.Coverage(unit, previous),
            passageCoverages[c],
            view.RareCoverage(unit),
            bm25Share,
            knownShare,
            view.BestCov,
            view.CovAsk[i],
            view.BestCovAsk,
            view.TotalWeight > 0 ? view.AskWeight / view.TotalWeight : 0f,
            ranker.Echo(unit),
            (float)Math.Log(1 + ranker.NewTerms(unit)),
            // The hand-weighted lexical score of the previous engine (SentenceRanker): one more
            // view of the words, whose weight the fit decides like any other's.
            ranker.Score(unit, previous, passageCoverages[c], bm25Share),
            strong ? evidence : 0f,
            strong ? 0f : evidence,
            needsNumber && evidence == 0 ? 1f : 0f,
            ranker.Type == AnswerType.Any ? 1f : 0f,
            (float)Math.Log(Math.Max(1, words.Count)),
            words.Count > 0 && Pronouns.Contains(words[0].Text) ? 1f : 0f,
            u == 0 ? 1f : 0f,
            yesNo && Negation().IsMatch(unit.Text) ? 1f : 0f,
            // The memory's columns: filled by AnswerMemory.Fill once the units' keys are known.
            .. MemoryColumns,
        ];
    }

    [GeneratedRegex(@"n['\u2019]t\b|\b(not|never|no|nor|neither|nobody|nothing|without)\b|\bfirst time\b|\bnew to\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();
}
