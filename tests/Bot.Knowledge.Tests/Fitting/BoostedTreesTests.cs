using Bot.Knowledge.Answering;
using Bot.Knowledge.Fitting;

namespace Bot.Knowledge.Tests.Fitting;

public sealed class BoostedTreesTests
{
    private static readonly BoostedTrees.Settings Small = new(Rounds: 60, Depth: 2, Rate: 0.3, MinLeaf: 5, Penalty: 1);

    /// <summary>Label = "x above ½" XOR "y above ½": no straight line separates it; two levels of splits do.</summary>
    private static (float[][] Rows, bool[] Labels) Checkerboard(int seed, int count)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, count).Select(_ => new[] { (float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble() }).ToArray();
        return (rows, rows.Select(r => r[0] > 0.5 ^ r[1] > 0.5).ToArray());
    }

    [Fact]
    public void Trees_learn_an_interaction_a_linear_score_cannot_on_rows_they_did_not_see()
    {
        var (rows, labels) = Checkerboard(1, 400);
        var linear = LogisticRegression.Train(rows, labels, lambda: 1, use: [true, true, true]);
        var trees = BoostedTrees.Train(rows, labels, rows.Select(r => linear.Logit(r)).ToArray(), Small);
        var boosted = linear with { Trees = trees };

        var (held, truth) = Checkerboard(2, 400);
        var linearRight = held.Select((r, i) => linear.Probability(r) >= 0.5 == truth[i]).Count(x => x);
        var boostedRight = held.Select((r, i) => boosted.Probability(r) >= 0.5 == truth[i]).Count(x => x);

        Assert.True(linearRight < 280, $"the linear score alone got {linearRight} of 400");
        Assert.True(boostedRight > 360, $"with the trees, {boostedRight} of 400");
    }

    [Fact]
    public void A_feature_held_at_zero_is_never_split_on()
    {
        var (rows, labels) = Checkerboard(3, 300);
        var masked = rows.Select(r => new[] { r[0], r[1], 0f }).ToArray();

        var trees = BoostedTrees.Train(masked, labels, new double[masked.Length], Small);

        Assert.DoesNotContain(2, trees.Feature);
        Assert.Contains(0, trees.Feature);
        Assert.Contains(1, trees.Feature);
    }

    [Fact]
    public void Fitting_twice_gives_the_same_trees()
    {
        var (rows, labels) = Checkerboard(4, 200);

        var first = BoostedTrees.Train(rows, labels, new double[rows.Length], Small);
        var second = BoostedTrees.Train(rows, labels, new double[rows.Length], Small);

        Assert.Equal(first.Feature, second.Feature);
        Assert.Equal(first.Threshold, second.Threshold);
        Assert.Equal(first.Value, second.Value);
    }

    [Fact]
    public void Trees_that_read_a_feature_the_build_does_not_compute_or_loop_do_not_fit()
    {
        var leaf = new TreeEnsemble([0], [-1], [0], [-1], [-1], [0.5f]);
        var split = new TreeEnsemble([0], [4, -1, -1], [0.5f, 0, 0], [1, -1, -1], [2, -1, -1], [0, -1, 1]);
        var loop = new TreeEnsemble([0], [1, -1], [0.5f, 0], [0, -1], [1, -1], [0, 1]);

        Assert.True(leaf.Fits(3));
        Assert.Equal(0.5, leaf.Score([0, 0, 0]), 6);
        Assert.False(split.Fits(3));
        Assert.True(split.Fits(5));
        Assert.Equal(-1, split.Score([0, 0, 0, 0, 0.2f]), 6);
        Assert.Equal(1, split.Score([0, 0, 0, 0, 0.7f]), 6);
        Assert.False(loop.Fits(3));
    }
}
