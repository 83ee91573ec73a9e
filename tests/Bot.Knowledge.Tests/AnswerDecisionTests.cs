using Bot.Knowledge.Answering;

namespace Bot.Knowledge.Tests;

/// <summary>
/// How the scorer decides between answering and not: a unit of knowledge added since the fit,
/// which the memory-weighing ranker puts below the old units, still answers when the old
/// knowledge does not and the ranking without the memory puts it first; among new units, that
/// ranking chooses.
/// </summary>
public sealed class AnswerDecisionTests
{
    private static readonly int Known = Column("mem_known");
    private static readonly int Remembered = Column("mem_unit");
    private static readonly int Cosine = Column("cos_unit");
    private static readonly int Coverage = Column("cov_unit");

    [Fact]
    public void A_new_unit_the_old_knowledge_cannot_beat_answers_when_the_ranking_without_the_memory_puts_it_first()
    {
        var rows = new[] { Row(known: true, remembered: 0.6f, cosine: 0.3f), Row(known: false, remembered: 0, cosine: 0.8f) };

        var decision = AnswerDecision.Of(Weights(oldConfident: false, newConfident: true), rows, consulted: true);

        Assert.True(decision.Answered);
        Assert.Equal(1, decision.Ranked);
    }

    [Fact]
    public void Without_a_new_unit_first_or_a_confident_new_abstainer_the_old_decision_stands()
    {
        var oldFirst = new[] { Row(known: true, remembered: 0.6f, cosine: 0.8f), Row(known: false, remembered: 0, cosine: 0.3f) };
        var newFirst = new[] { Row(known: true, remembered: 0.6f, cosine: 0.3f), Row(known: false, remembered: 0, cosine: 0.8f) };

        var knownFirstWithoutMemory = AnswerDecision.Of(Weights(oldConfident: false, newConfident: true), oldFirst, consulted: true);
        var doubted = AnswerDecision.Of(Weights(oldConfident: false, newConfident: false), newFirst, consulted: true);
        var noMemory = AnswerDecision.Of(Weights(oldConfident: false, newConfident: true), newFirst, consulted: false);

        Assert.Equal((false, 0), (knownFirstWithoutMemory.Answered, knownFirstWithoutMemory.Ranked));
        Assert.Equal((false, 0), (doubted.Answered, doubted.Ranked));
        Assert.False(noMemory.Answered);
    }

    [Fact]
    public void When_the_old_knowledge_answers_the_new_ranking_is_not_consulted()
    {
        var rows = new[] { Row(known: true, remembered: 0.6f, cosine: 0.3f), Row(known: false, remembered: 0, cosine: 0.8f) };

        var decision = AnswerDecision.Of(Weights(oldConfident: true, newConfident: true), rows, consulted: true);

        Assert.Equal((true, 0), (decision.Answered, decision.Ranked));
    }

    [Fact]
    public void Among_new_units_only_the_ranking_without_the_memory_chooses()
    {
        // A folder the fit never saw: no unit is known, and the memory-weighing ranker's weights on
        // the other features were fitted beside the memory's, so they do not decide.
        var rows = new[] { Row(known: false, remembered: 0, cosine: 0.3f), Row(known: false, remembered: 0, cosine: 0.8f) };
        rows[0][Coverage] = 1;
        var weights = Weights(oldConfident: true, newConfident: true) with { Ranker = Linear(AnswerFeatures.Names.Count, Coverage, 0) };

        var decision = AnswerDecision.Of(weights, rows, consulted: true);

        Assert.Equal((true, 1), (decision.Answered, decision.Ranked));
    }

    [Fact]
    public void A_new_unit_is_judged_once_on_the_ranking_without_the_memory()
    {
        // Both rankings put new units first, each a different one; the new abstainer would pass the
        // memory-weighing ranker's choice and refuses its own. Its own is what it learnt to judge, so
        // that verdict stands: keeping the more lenient of two verdicts answered near-misses.
        var rows = new[] { Row(known: false, remembered: 0, cosine: 0.3f), Row(known: false, remembered: 0, cosine: 0.8f) };
        rows[0][Coverage] = 1;
        var doubtsCloseUnits = Linear(AbstentionFeatures.Names.Count, AbstentionFeatures.Names.ToList().IndexOf("top_cos_unit"), 5);
        doubtsCloseUnits.Weights[AbstentionFeatures.Names.ToList().IndexOf("top_cos_unit")] = -10; // sure of the far unit (0.88), doubtful of the close one (0.05)
        var weights = Weights(oldConfident: false, newConfident: true) with { Ranker = Linear(AnswerFeatures.Names.Count, Coverage, 0), NewAbstainer = doubtsCloseUnits };

        var decision = AnswerDecision.Of(weights, rows, consulted: true);

        Assert.Equal((false, 1), (decision.Answered, decision.Ranked));
    }

    private static int Column(string name) => AnswerFeatures.Names.ToList().IndexOf(name);

    private static float[] Row(bool known, float remembered, float cosine)
    {
        var row = new float[AnswerFeatures.Names.Count];
        row[Known] = known ? 1 : 0;
        row[Remembered] = remembered;
        row[Cosine] = cosine;
        return row;
    }

    /// <summary>The ranker follows the memory, the new ranker the cosine; each abstainer is sure or doubtful whatever it sees.</summary>
    private static ModeWeights Weights(bool oldConfident, bool newConfident) =>
        new(Linear(AnswerFeatures.Names.Count, Remembered, 0), Linear(AbstentionFeatures.Names.Count, -1, oldConfident ? 3 : -3), 0.5f)
        {
            NewRanker = Linear(AnswerFeatures.Names.Count, Cosine, 0),
            NewAbstainer = Linear(AbstentionFeatures.Names.Count, -1, newConfident ? 3 : -3),
            NewThreshold = 0.5f,
        };

    private static LinearWeights Linear(int count, int weighted, float bias)
    {
        var weights = new float[count];
        if (weighted >= 0)
            weights[weighted] = 1;
        return new LinearWeights(new float[count], Enumerable.Repeat(1f, count).ToArray(), weights, bias);
    }
}
