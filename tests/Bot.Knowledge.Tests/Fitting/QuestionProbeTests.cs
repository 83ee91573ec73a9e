using Bot.Knowledge.Answering;
using Bot.Knowledge.Evaluation;
using Bot.Knowledge.Fitting;

namespace Bot.Knowledge.Tests.Fitting;

/// <summary>
/// The question probe: a softmax classifier over remembered questions' vectors that names the unit
/// a new wording belongs to (or none), survives the model file, fills its memory columns, and in
/// fitting never scores a training question with a probe that saw it.
/// </summary>
public sealed class QuestionProbeTests
{
    private const int Dimensions = 12;
    private static readonly int Column = AnswerFeatures.MemoryColumn;
    private static int At(string name) => Column + AnswerMemory.Names.ToList().IndexOf(name);

    [Fact]
    public void A_new_wording_near_a_units_questions_gets_that_unit_and_one_near_unanswerable_questions_gets_none()
    {
        var random = new Random(7);
        var questions = Cluster(random, 0, 6, true, "u-streaming")
            .Concat(Cluster(random, 1, 6, true, "u-director"))
            .Concat(Cluster(random, 2, 6, false))
            .ToArray();

        var probe = QuestionProbeFitting.Fit(questions, ScorerFitting.ProbePenalty)!;

        var streaming = probe.Predict(Around(random, 0));
        var outside = probe.Predict(Around(random, 2));
        Assert.Equal("u-streaming", streaming.MaxBy(p => p.Value).Key);
        Assert.Equal(QuestionProbe.OutOfScope, outside.MaxBy(p => p.Value).Key);
        Assert.Equal(1f, streaming.Values.Sum(), 3);
    }

    [Fact]
    public void The_probe_written_to_the_model_file_predicts_as_fitted()
    {
        var random = new Random(3);
        var probe = QuestionProbeFitting.Fit([.. Cluster(random, 0, 4, true, "u-a"), .. Cluster(random, 1, 4, false)], ScorerFitting.ProbePenalty)!;
        var question = Around(random, 0);

        var loaded = ProbeFile.Of(probe).ToProbe();

        Assert.Equal(probe.Classes, loaded.Classes);
        Assert.Equal(probe.Predict(question), loaded.Predict(question));
    }

    [Fact]
    public void The_memory_fills_the_probe_columns_and_leaves_them_zero_for_a_vector_of_other_dimensions()
    {
        var random = new Random(5);
        var questions = Cluster(random, 0, 5, true, "u-a").Concat(Cluster(random, 1, 5, false)).ToArray();
        var memory = new AnswerMemory(questions.Select(q => new AnswerMemory.Entry(q.Vector, [], q.InScope, q.Units)).ToArray(), "m", QuestionProbeFitting.Fit(questions, ScorerFitting.ProbePenalty));
        var rows = new[] { Row(), Row() };

        memory.Fill(rows, Around(random, 0), [], ["u-a", "u-unknown"], Column);

        Assert.True(rows[0][At("mem_probe")] > 0.5f, "the unit whose questions the new one resembles");
        Assert.Equal(0f, rows[1][At("mem_probe")]);
        Assert.True(rows[0][At("mem_probe_out")] < 0.5f);
        Assert.Equal(rows[0][At("mem_probe_out")], rows[1][At("mem_probe_out")]);

        memory.Fill(rows, new float[Dimensions + 1], [], ["u-a", "u-unknown"], Column);
        Assert.Equal(0f, rows[0][At("mem_probe")]);
    }

    [Fact]
    public void In_fitting_a_training_question_is_probed_by_a_probe_fitted_without_it()
    {
        // One question alone answers "u-alone": a probe that had seen it would name its unit, and the
        // ranker would learn to trust a probe that, for new questions, cannot know.
        var random = new Random(11);
        var alone = Question("alone", Around(random, 3), "u-alone");
        var others = Enumerable.Range(0, 12).Select(i => Question($"o{i}", Around(random, i % 3), $"u-{i % 3}")).ToArray();
        var held = Question("h", Around(random, 3), "u-alone");

        var (training, scored) = ScorerFitting.Remember([alone, .. others], [held]);

        Assert.True(training[0].Rows[0][At("mem_probe")] < 0.2f, $"training question probed at {training[0].Rows[0][At("mem_probe")]}");
        Assert.True(scored[0].Rows[0][At("mem_probe")] > 0.5f, $"held question probed at {scored[0].Rows[0][At("mem_probe")]}");
    }

    [Fact]
    public void A_unit_no_remembered_question_was_answered_by_is_unknown_and_judged_without_the_memory()
    {
        // A unit added to the knowledge after the fit: the memory's silence about it is no evidence,
        // so its answer is weighed by the abstainer that ignores the memory.
        var memory = new AnswerMemory([new AnswerMemory.Entry(Unit(0), ["stream"], true, ["u-old"])]);
        var rows = new[] { Row(), Row() };

        memory.Fill(rows, Unit(0), ["stream"], ["u-old", "u-new"], Column);

        Assert.True(AbstentionFeatures.Known(rows[0]));
        Assert.False(AbstentionFeatures.Known(rows[1]));
        var old = Weights(1f);
        var fresh = Weights(2f);
        var weights = new ModeWeights(Weights(0f), old, 0.6f) { NewAbstainer = fresh, NewThreshold = 0.4f };
        Assert.Equal((old, 0.6f), weights.For(known: true));
        Assert.Equal((fresh, 0.4f), weights.For(known: false));
        Assert.Equal((old, 0.6f), (weights with { NewAbstainer = null }).For(known: false));
        Assert.Equal(
            ["top_cos_unit", "top_cos_ask_context", "top_cov_ask", "top_cov_context", "top_missing_number"],
            AbstentionFeatures.Names.Where((_, i) => AbstentionFeatures.WithoutMemory[i]));
    }

    [Fact]
    public void A_word_no_question_of_the_unit_used_is_novel()
    {
        var memory = new AnswerMemory(
        [
            new AnswerMemory.Entry(Unit(0), ["many", "defector", "help"], true, ["u-count"]),
            new AnswerMemory.Entry(Unit(1), ["who", "direct"], true, ["u-director"]),
        ]);
        var rows = new[] { Row() };

        memory.Fill(rows, Unit(0), ["many", "defector", "help"], ["u-count"], Column);
        var familiar = rows[0][At("mem_novel")];
        memory.Fill(rows, Unit(0), ["many", "defector", "recapture"], ["u-count"], Column);
        var novel = rows[0][At("mem_novel")];

        Assert.Equal(0f, familiar);
        Assert.True(novel > 0.3f, $"novelty {novel}");
    }

    private static IEnumerable<(float[] Vector, bool InScope, IReadOnlyList<string> Units)> Cluster(Random random, int axis, int count, bool inScope, string? unit = null) =>
        Enumerable.Range(0, count).Select(_ => (Around(random, axis), inScope, (IReadOnlyList<string>)(unit is null ? [] : [unit])));

    /// <summary>A unit vector near <paramref name="axis"/>, with a little noise on every dimension.</summary>
    private static float[] Around(Random random, int axis)
    {
        var v = new float[Dimensions];
        for (var d = 0; d < Dimensions; d++)
            v[d] = (float)(random.NextDouble() - 0.5) * 0.4f;
        v[axis] += 1;
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    private static float[] Unit(int axis)
    {
        var v = new float[Dimensions];
        v[axis] = 1;
        return v;
    }

    private static FitQuestion Question(string id, float[] vector, string unit) =>
        new("set", new EvalQuestion(id, $"question {id}", ["x"], "in"), ["unit text"], [Row()], [true])
        {
            Vector = vector,
            Terms = [],
            UnitKeys = [unit],
        };

    private static float[] Row() => new float[AnswerFeatures.Names.Count];

    private static LinearWeights Weights(float bias) =>
        new(new float[AbstentionFeatures.Names.Count], Enumerable.Repeat(1f, AbstentionFeatures.Names.Count).ToArray(), new float[AbstentionFeatures.Names.Count], bias);
}
