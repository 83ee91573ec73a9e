namespace Bot.Knowledge.Answering;

/// <summary>
/// What the scorer does with a question's candidate units: the unit it ranks first, the
/// probability that this unit answers, and the threshold that probability must reach. The
/// engine and the fit's cross-validation both decide here, so the figures are of what the bot does.
/// </summary>
/// <param name="Ranked">The unit chosen (-1 when there are none), answered with or not.</param>
public readonly record struct AnswerDecision(int Ranked, float Confidence, float Threshold)
{
    public bool Answered => Ranked >= 0 && Confidence >= Threshold;

    /// <param name="rows">Every candidate unit's <see cref="AnswerFeatures"/>, the memory's columns filled.</param>
    /// <param name="consulted">Whether the memory was asked (a question vector and a memory): without it there is no silence to discount.</param>
    public static AnswerDecision Of(ModeWeights weights, IReadOnlyList<float[]> rows, bool consulted)
    {
        var (features, top) = AbstentionFeatures.Compute(rows, rows.Select(r => weights.Ranker.Score(r)).ToArray());
        if (top < 0)
            return new AnswerDecision(-1, 0, weights.Threshold);
        var known = AbstentionFeatures.Known(rows[top], consulted);
        var (abstainer, threshold) = weights.For(known);
        var decision = new AnswerDecision(top, abstainer.Probability(features), threshold);
        if ((decision.Answered && known) || !consulted || weights.NewRanker is null || weights.NewAbstainer is null)
            return decision;

        // Knowledge added since the fit: the ranker weighs the memory, which has never seen a new
        // unit answer anything, so such a unit ranks below the old ones even when it alone answers,
        // and among new units it ranks by weights fitted beside the memory's. When the old
        // knowledge does not answer, or a new unit came first, the units are ranked again without
        // the memory, and a new unit first there is judged by the abstainer that ignores it too.
        var (again, first) = AbstentionFeatures.Compute(rows, rows.Select(r => weights.NewRanker.Score(r)).ToArray());
        if (AbstentionFeatures.Known(rows[first]))
            return decision;
        var fresh = new AnswerDecision(first, weights.NewAbstainer.Probability(again), weights.NewThreshold ?? weights.Threshold);
        // A new unit first in both rankings is judged once, on the ranking without the memory (the one its
        // abstainer learnt from), not twice with the more lenient verdict kept.
        return fresh.Answered || !known ? fresh : decision;
    }
}
