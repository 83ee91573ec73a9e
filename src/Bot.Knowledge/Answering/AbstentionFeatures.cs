namespace Bot.Knowledge.Answering;

/// <summary>
/// What the abstainer knows about a question once the ranker has chosen its best unit: how far
/// ahead of the others that unit is, how close in meaning and in words it is to the question,
/// how much of the question the knowledge knows at all, and whether the unit holds the kind of
/// thing asked for. From these it gives the probability that the chosen unit answers.
/// </summary>
public static class AbstentionFeatures
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "top_score", "margin", "top_share", "top_cos_unit", "top_cos_context", "top_cos_passage", "known_share", "cov_best",
        "top_cov_unit", "top_cov_context", "top_evidence", "top_missing_number", "type_any", "top_echo",
    ];

    private static readonly int[] Source = Index(
        "cos_unit", "cos_context", "cos_passage", "known_share", "cov_best", "cov_unit", "cov_context", "evidence_strong", "evidence_weak", "missing_number", "type_any", "echo");

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

        var max = scores[top];
        var share = 1 / scores.Sum(s => Math.Exp(s - max));
        var row = rows[top];
        float F(int source) => row[Source[source]];
        return ([
            (float)scores[top],
            second < 0 ? 5f : (float)Math.Min(5, scores[top] - scores[second]),
            (float)share,
            F(0), F(1), F(2), F(3), F(4), F(5), F(6),
            F(7) + F(8),
            F(9), F(10), F(11),
        ], top);
    }

    private static int[] Index(params string[] names) =>
        names.Select(n => AnswerFeatures.Names.ToList().IndexOf(n) is var i and >= 0 ? i : throw new InvalidOperationException($"no answer feature '{n}'")).ToArray();
}
