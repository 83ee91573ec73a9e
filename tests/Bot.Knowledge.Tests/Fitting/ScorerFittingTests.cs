using Bot.Knowledge.Evaluation;
using Bot.Knowledge.Fitting;

namespace Bot.Knowledge.Tests.Fitting;

/// <summary>The fitting machinery on data whose answer is known: it must find it, and never let a held-out question into its own fit.</summary>
public sealed class ScorerFittingTests
{
    [Fact]
    public void Logistic_regression_learns_which_feature_separates_the_classes()
    {
        var random = new Random(1);
        var rows = new List<float[]>();
        var labels = new List<bool>();
        for (var i = 0; i < 400; i++)
        {
            var signal = (float)random.NextDouble();
            rows.Add([signal, (float)random.NextDouble()]);
            labels.Add(signal + 0.1 * (random.NextDouble() - 0.5) > 0.5);
        }

        var fit = LogisticRegression.Train(rows, labels, lambda: 0.1, use: [true, true]);

        Assert.True(Math.Abs(fit.Weights[0]) > 5 * Math.Abs(fit.Weights[1]), $"weights {fit.Weights[0]}, {fit.Weights[1]}");
        Assert.True(fit.Probability([0.9f, 0.5f]) > 0.9);
        Assert.True(fit.Probability([0.1f, 0.5f]) < 0.1);
    }

    [Fact]
    public void A_feature_left_out_gets_no_weight()
    {
        float[][] rows = [[1, 1], [0, 0], [1, 0], [0, 1]];
        var fit = LogisticRegression.Train(rows, [true, false, true, false], lambda: 1, use: [true, false]);

        Assert.Equal(0, fit.Weights[1]);
        Assert.True(fit.Weights[0] > 0);
    }

    [Fact]
    public void Listwise_ranker_puts_the_answering_unit_first_in_questions_it_did_not_see()
    {
        var random = new Random(2);
        (IReadOnlyList<float[]> Rows, IReadOnlyList<bool> Labels) Question()
        {
            var answer = random.Next(5);
            var rows = Enumerable.Range(0, 5).Select(i => new[] { (float)random.NextDouble() + (i == answer ? 0.6f : 0), (float)random.NextDouble() }).ToArray();
            return (rows, Enumerable.Range(0, 5).Select(i => i == answer).ToArray());
        }

        var training = Enumerable.Range(0, 200).Select(_ => Question()).ToArray();
        var fit = ListwiseRanker.Train(training, lambda: 0.1, use: [true, true]);
        var held = Enumerable.Range(0, 200).Select(_ => Question()).ToArray();
        var right = held.Count(q => q.Labels[Enumerable.Range(0, 5).MaxBy(i => fit.Logit(q.Rows[i]))]);

        Assert.True(right > 140, $"{right} of 200 held-out questions ranked right");
    }

    [Fact]
    public void Folds_hold_every_question_once_and_keep_same_worded_questions_together()
    {
        var questions = Enumerable.Range(0, 40)
            .Select(i => Question($"q{i}", i % 10 == 0 ? "Who directed it?" : $"question {i}", i % 3 == 0))
            .ToArray();

        var folds = ScorerFitting.Folds(questions, 5, seed: 7).ToArray();

        Assert.Equal(5, folds.Length);
        Assert.Equal(questions.Length, folds.Sum(f => f.Held.Count));
        Assert.Equal(questions.ToHashSet(), folds.SelectMany(f => f.Held).ToHashSet());
        foreach (var (training, held) in folds)
        {
            Assert.Empty(training.Intersect(held));
            Assert.Empty(training.Select(q => q.Key).Intersect(held.Select(q => q.Key)));
            Assert.Contains(held, q => q.Question.InScope);
        }
    }

    [Fact]
    public void The_threshold_balances_answers_and_abstentions()
    {
        var outcomes = Spread(inFrom: 0.6, outFrom: 0.1, step: 0.03);

        var (threshold, objective) = Thresholds.Best(outcomes);

        Assert.InRange(threshold, 0.37, 0.6);
        Assert.Equal(2.0, objective, 6);
        Assert.Equal((1.0, 1.0), Thresholds.Accuracy(outcomes, threshold));
    }

    [Fact]
    public void The_band_of_nearly_as_good_thresholds_is_reported_with_the_best()
    {
        // Ten answerable questions at 0.50-0.59 and ten unanswerable at 0.10-0.19, plus one of each
        // at 0.30 and 0.40 that no threshold can both answer and refuse: the best thresholds lie
        // between 0.19 and 0.50, and the ones that cost a single question reach a little further.
        var outcomes = Spread(inFrom: 0.5, outFrom: 0.1, step: 0.01);

        outcomes.Add(new FitOutcome(Question("in-low", "in low", inScope: true, right: true), 0.3, 0));
        outcomes.Add(new FitOutcome(Question("out-high", "out high", inScope: false), 0.4, 0));

        var (threshold, _) = Thresholds.Best(outcomes);
        var (low, high) = Thresholds.NearBest(outcomes, 0.01);
        var (wideLow, wideHigh) = Thresholds.NearBest(outcomes, 0.1);

        Assert.InRange(threshold, low, high);
        Assert.InRange(low, 0.19, 0.3);
        Assert.InRange(high, 0.4, 0.5);
        // One question of eleven is 0.09: at that tolerance the band reaches past the in-scope question at
        // 0.50 and below the unanswerable one at 0.19.
        Assert.InRange(wideLow, 0.18, 0.19);
        Assert.InRange(wideHigh, 0.5, 0.51);
    }

    [Fact]
    public void The_abstainer_keeps_its_trees_only_when_they_do_better_out_of_fold()
    {
        // The same questions scored by two abstainers: the line mixes one answerable question in
        // among the unanswerable ones; the trees separate all of them.
        List<FitOutcome> Scored(bool separated)
        {
            var outcomes = new List<FitOutcome>();
            for (var i = 0; i < 10; i++)
            {
                outcomes.Add(new FitOutcome(Question($"in{i}", $"in {i}", inScope: true, right: true), i == 0 && !separated ? 0.2 : 0.7 + i * 0.02, 0));
                outcomes.Add(new FitOutcome(Question($"out{i}", $"out {i}", inScope: false), 0.1 + i * 0.02, 0));
            }

            return outcomes;
        }

        var line = Scored(separated: false);
        var trees = Scored(separated: true);

        Assert.True(ScorerFitting.Better(line, trees).Trees);
        Assert.Same(trees, ScorerFitting.Better(line, trees).Outcomes);
        Assert.False(ScorerFitting.Better(trees, line).Trees);
        // Equally good: the simpler line stays.
        Assert.False(ScorerFitting.Better(trees, Scored(separated: true)).Trees);
    }

    private static FitQuestion Question(string id, string text, bool inScope, bool right = false) =>
        new("test", new EvalQuestion(id, text, inScope ? ["x"] : [], inScope ? "in" : "out"), ["unit"], [[0f]], [inScope && right]);

    /// <summary>Ten answerable questions answered rightly at <paramref name="inFrom"/>, <paramref name="inFrom"/> + <paramref name="step"/>, …, and ten unanswerable ones from <paramref name="outFrom"/>.</summary>
    private static List<FitOutcome> Spread(double inFrom, double outFrom, double step)
    {
        var outcomes = new List<FitOutcome>();
        for (var i = 0; i < 10; i++)
        {
            outcomes.Add(new FitOutcome(Question($"in{i}", $"in {i}", inScope: true, right: true), inFrom + i * step, 0));
            outcomes.Add(new FitOutcome(Question($"out{i}", $"out {i}", inScope: false), outFrom + i * step, 0));
        }

        return outcomes;
    }
}
