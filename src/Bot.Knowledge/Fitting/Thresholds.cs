namespace Bot.Knowledge.Fitting;

/// <summary>Where to draw the line between answering and saying "I don't know".</summary>
public static class Thresholds
{
    /// <summary>
    /// The confidence threshold that maximises answer accuracy + abstention accuracy on these
    /// outcomes: both kinds of question count equally, however many of each a set holds. Of a
    /// plateau of equally good thresholds, the middle one, so neither side sits on the edge.
    /// </summary>
    public static (double Threshold, double Objective) Best(IReadOnlyList<FitOutcome> outcomes)
    {
        var scored = Scored(outcomes);
        var best = scored.Max(s => s.Objective);
        var plateau = scored.Where(s => s.Objective >= best - 1e-12).Select(s => s.Threshold).ToArray();
        return (plateau[plateau.Length / 2], best);
    }

    /// <summary>
    /// The lowest and highest thresholds whose objective is within <paramref name="tolerance"/> of the best:
    /// how well the outcomes determine the threshold. On the public pool the band is wide (0.35 to 0.58
    /// within 0.01), so a refit on a few more or other questions can move the threshold anywhere in it,
    /// trading answers for refusals; <c>fit</c> prints the band so that a moved threshold is not read as a
    /// better or worse scorer (docs/RETRIEVAL.md).
    /// </summary>
    public static (double Low, double High) NearBest(IReadOnlyList<FitOutcome> outcomes, double tolerance)
    {
        var scored = Scored(outcomes);
        var best = scored.Max(s => s.Objective);
        var near = scored.Where(s => s.Objective >= best - tolerance - 1e-12).Select(s => s.Threshold).ToArray();
        return (near.Min(), near.Max());
    }

    /// <summary>
    /// Every threshold that answers a different set of questions (the midpoints between consecutive
    /// distinct confidences, 0 and 1 included), lowest first, with its objective.
    /// </summary>
    private static (double Threshold, double Objective)[] Scored(IReadOnlyList<FitOutcome> outcomes)
    {
        var candidates = outcomes.Select(o => o.Confidence).Append(0).Append(1).Distinct().Order().ToArray();
        var cuts = new List<double>();
        for (var i = 0; i + 1 < candidates.Length; i++)
            cuts.Add((candidates[i] + candidates[i + 1]) / 2);
        if (cuts.Count == 0)
            cuts.Add(0.5);
        return cuts.Select(t => (t, Objective(outcomes, t))).ToArray();
    }

    public static double Objective(IReadOnlyList<FitOutcome> outcomes, double threshold)
    {
        var (answers, abstentions) = Accuracy(outcomes, threshold);
        return answers + abstentions;
    }

    /// <summary>Answer accuracy (in-scope questions answered with a right unit) and abstention accuracy.</summary>
    public static (double Answers, double Abstentions) Accuracy(IReadOnlyList<FitOutcome> outcomes, double threshold)
    {
        int ins = 0, right = 0, outs = 0, abstained = 0;
        foreach (var o in outcomes)
        {
            var answered = o.Top >= 0 && o.Confidence >= threshold;
            if (o.Question.Question.InScope)
            {
                ins++;
                if (answered && o.IsRightUnit)
                    right++;
            }
            else
            {
                outs++;
                if (!answered)
                    abstained++;
            }
        }

        return (ins == 0 ? 0 : (double)right / ins, outs == 0 ? 0 : (double)abstained / outs);
    }

    /// <summary>
    /// Precision (answers given that are right) and recall (in-scope questions answered rightly)
    /// at each threshold: the curve the threshold is chosen on.
    /// </summary>
    public static IReadOnlyList<(double Threshold, double Precision, double Recall, double AbstainAccuracy)> Curve(IReadOnlyList<FitOutcome> outcomes, IEnumerable<double> thresholds)
    {
        var ins = Math.Max(1, outcomes.Count(o => o.Question.Question.InScope));
        return thresholds.Select(t =>
        {
            var answered = outcomes.Where(o => o.Top >= 0 && o.Confidence >= t).ToArray();
            var right = answered.Count(o => o.Question.Question.InScope && o.IsRightUnit);
            var (_, abstain) = Accuracy(outcomes, t);
            return (t, answered.Length == 0 ? 1.0 : (double)right / answered.Length, (double)right / ins, abstain);
        }).ToArray();
    }
}
