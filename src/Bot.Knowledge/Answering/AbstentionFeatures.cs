namespace Bot.Knowledge.Answering;

/// <summary>
/// What the abstainer knows about a question once the ranker has chosen its best unit: how far
/// ahead of the others that unit is, how close in meaning and in words it is to the question,
/// how much of the question the knowledge knows at all, and whether the unit holds the kind of
/// thing asked for. From these it gives the probability that the chosen unit answers.
/// </summary>
public static class AbstentionFeatures
{
    /// <remarks>
    /// Chosen by cross-validation on the public sets: the abstainer sees one row per question (a
    /// few hundred), and adding every similarity and coverage of the chosen unit fitted them worse
    /// on questions it had not seen; the memory's columns, added later, each paid their way
    /// (docs/RETRIEVAL.md).
    /// </remarks>
    public static IReadOnlyList<string> Names { get; } =
    [
        "top_score", "margin", "top_cos_unit", "top_cos_ask_context", "top_cov_ask", "top_cov_context", "top_missing_number",
        "top_mem_unit", "top_mem_vote", "top_mem_mix_vote", "mem_in", "mem_out", "mem_lex_in", "mem_lex_out", "top_mem_novel", "top_mem_probe", "mem_probe_out",
    ];

    private static readonly int[] Source = Index(
        "cos_unit", "cos_ask_context", "cov_ask", "cov_context", "missing_number", "mem_unit", "mem_vote", "mem_mix_vote", "mem_in", "mem_out", "mem_lex_in", "mem_lex_out", "mem_novel", "mem_probe", "mem_probe_out");

    /// <summary>
    /// The features that owe nothing to the memory: what the abstainer for a unit the memory does
    /// not know weighs (<see cref="Known"/>). Such a unit came into the knowledge after the fit, and
    /// the memory's silence about it says nothing; judged by the memory, it would never be answered.
    /// The ranker's score and margin are left out too: the ranker weighs the memory, so a unit it
    /// does not know scores lower than any it does.
    /// </summary>
    public static IReadOnlyList<bool> WithoutMemory { get; } = Names
        .Select(n => n is not ("top_score" or "margin") && !n.StartsWith("top_mem_", StringComparison.Ordinal) && !n.StartsWith("mem_", StringComparison.Ordinal)).ToArray();

    private static readonly int KnownColumn = AnswerFeatures.Names.ToList().IndexOf("mem_known");

    /// <summary>
    /// Whether the abstainer that weighs the memory judges the unit of <paramref name="row"/>: the memory
    /// was <paramref name="consulted"/> and some remembered question was answered by the unit. Without a
    /// memory (the lexical mode, no question vector) there is no silence to discount.
    /// </summary>
    public static bool Known(float[] row, bool consulted = true) => !consulted || row[KnownColumn] > 0;

    /// <param name="rows">Every candidate unit's <see cref="AnswerFeatures"/>.</param>
    /// <param name="scores">The ranker's score of each unit.</param>
    /// <returns>The features, and which unit the ranker chose (-1 when there are no units).</returns>
    public static (float[] Features, int Top) Compute(IReadOnlyList<float[]> rows, IReadOnlyList<double> scores)
    {
        if (rows.Count == 0)
            return (new float[Names.Count], -1);
        int top = 0, second = -1;
        for (var i = 1; i < scores.Count; i++)
        {
            if (scores[i] > scores[top])
            {
                second = top;
                top = i;
            }
            else if (second < 0 || scores[i] > scores[second])
            {
                second = i;
            }
        }

        var row = rows[top];
        return ([
            (float)scores[top],
            second < 0 ? 5f : (float)Math.Min(5, scores[top] - scores[second]),
            .. Source.Select(source => row[source]),
        ], top);
    }

    private static int[] Index(params string[] names) =>
        names.Select(n => AnswerFeatures.Names.ToList().IndexOf(n) is var i and >= 0 ? i : throw new InvalidOperationException($"no answer feature '{n}'")).ToArray();
}
