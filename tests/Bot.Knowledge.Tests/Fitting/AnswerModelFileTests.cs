using Bot.Knowledge.Answering;

namespace Bot.Knowledge.Tests.Fitting;

/// <summary>The model file: what 'fit' writes is what the bot loads, and a stale one is refused with what to do.</summary>
public sealed class AnswerModelFileTests
{
    [Fact]
    public void A_written_model_loads_with_the_same_weights()
    {
        var weights = Weights(0.25f);
        var file = new AnswerModelFile(1, AnswerFeatures.Names, AbstentionFeatures.Names, [new FittedSet("a.jsonl", "00", 3)],
            new Dictionary<string, double> { ["folds"] = 5 }, new Dictionary<string, ModeWeights> { ["hybrid"] = weights });

        var model = AnswerModel.Parse(AnswerModel.Serialize(file));

        Assert.Equal(weights.Ranker.Weights, model.For(RetrievalMode.Hybrid).Ranker.Weights);
        Assert.Equal(0.25f, model.For(RetrievalMode.Hybrid).Threshold);
        Assert.Throws<InvalidOperationException>(() => model.For(RetrievalMode.Lexical));
    }

    [Fact]
    public void A_model_fitted_on_other_features_is_refused_with_what_to_do()
    {
        var file = new AnswerModelFile(1, [.. AnswerFeatures.Names.Skip(1)], AbstentionFeatures.Names, [], new Dictionary<string, double>(),
            new Dictionary<string, ModeWeights> { ["hybrid"] = Weights(0.5f) });

        var e = Assert.Throws<InvalidDataException>(() => AnswerModel.Parse(AnswerModel.Serialize(file)));

        Assert.Contains("run 'fit' again", e.Message);
    }

    [Fact]
    public void A_model_file_of_a_newer_format_is_refused_with_what_to_do()
    {
        var file = new AnswerModelFile(AnswerModelFile.CurrentFormat + 1, AnswerFeatures.Names, AbstentionFeatures.Names, [], new Dictionary<string, double>(),
            new Dictionary<string, ModeWeights> { ["hybrid"] = Weights(0.5f) });

        var e = Assert.Throws<InvalidDataException>(() => AnswerModel.Parse(AnswerModel.Serialize(file)));

        Assert.Contains($"format {AnswerModelFile.CurrentFormat + 1}", e.Message);
        Assert.Contains("update the bot", e.Message);
        // Files of every format this build reads still load: the shipped one is format 1.
        foreach (var format in Enumerable.Range(1, AnswerModelFile.CurrentFormat))
            Assert.Equal(0.5f, AnswerModel.Parse(AnswerModel.Serialize(file with { Format = format })).For(RetrievalMode.Hybrid).Threshold);
    }

    [Fact]
    public void An_abstainer_with_trees_loads_and_scores_as_written()
    {
        var n = AbstentionFeatures.Names.Count;
        var trees = new TreeEnsemble([0], [n - 1, -1, -1], [0.5f, 0, 0], [1, -1, -1], [2, -1, -1], [0, -2, 2]);
        var written = Weights(0.5f) with { Abstainer = Weights(0.5f).Abstainer with { Trees = trees } };
        var file = new AnswerModelFile(1, AnswerFeatures.Names, AbstentionFeatures.Names, [], new Dictionary<string, double>(),
            new Dictionary<string, ModeWeights> { ["hybrid"] = written });

        var abstainer = AnswerModel.Parse(AnswerModel.Serialize(file)).For(RetrievalMode.Hybrid).Abstainer;

        var low = new float[n];
        var high = new float[n];
        high[n - 1] = 1;
        Assert.Equal(written.Abstainer.Probability(low), abstainer.Probability(low));
        Assert.Equal(written.Abstainer.Probability(high), abstainer.Probability(high));
        Assert.True(abstainer.Probability(high) > abstainer.Probability(low));
    }

    [Fact]
    public void Trees_that_read_a_feature_this_build_does_not_compute_are_refused()
    {
        var n = AbstentionFeatures.Names.Count;
        var trees = new TreeEnsemble([0], [n, -1, -1], [0.5f, 0, 0], [1, -1, -1], [2, -1, -1], [0, -2, 2]);
        var written = Weights(0.5f) with { Abstainer = Weights(0.5f).Abstainer with { Trees = trees } };
        var file = new AnswerModelFile(1, AnswerFeatures.Names, AbstentionFeatures.Names, [], new Dictionary<string, double>(),
            new Dictionary<string, ModeWeights> { ["hybrid"] = written });

        Assert.Throws<InvalidDataException>(() => AnswerModel.Parse(AnswerModel.Serialize(file)));
    }

    private static ModeWeights Weights(float threshold)
    {
        LinearWeights Of(int n) => new(new float[n], Enumerable.Repeat(1f, n).ToArray(), Enumerable.Range(0, n).Select(i => i / 10f).ToArray(), 0.5f);
        return new ModeWeights(Of(AnswerFeatures.Names.Count), Of(AbstentionFeatures.Names.Count), threshold);
    }
}
