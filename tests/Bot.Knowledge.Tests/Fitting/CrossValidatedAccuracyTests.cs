using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Evaluation;
using Bot.Knowledge.Fitting;
using Bot.Knowledge.Tests.Support;
using Xunit.Abstractions;

namespace Bot.Knowledge.Tests.Fitting;

/// <summary>
/// The regression gate of the fitted scorer: the whole fitting procedure, cross-validated on the
/// pooled public sets, must not fall more than 0.03 below the figures docs/RETRIEVAL.md reports
/// (with the memory, and as knowledge added after the fit), and the shipped model must be one fitted on the features this build computes.
/// </summary>
public sealed class CrossValidatedAccuracyTests(HybridKnowledgeFixture knowledge, ITestOutputHelper output) : IClassFixture<HybridKnowledgeFixture>
{
    private const double Tolerance = 0.03;

    [Fact]
    public void Pooled_cross_validated_accuracy_stays_within_tolerance_of_the_documented_figures()
    {
        var questions = TestPaths.FittedSets.SelectMany(p => EvalQuestion.Load(p).Select(q => (Path.GetFileNameWithoutExtension(p), q))).ToArray();
        var extracted = ScorerFitting.Extract(knowledge.Engine, questions, RetrievalMode.Hybrid);

        var asNew = new List<FitOutcome>();
        var pooled = OutcomeReport.Of("pooled", ScorerFitting.CrossValidate(extracted, RetrievalMode.Hybrid, folds: 5, asNew: asNew));
        var pooledAsNew = OutcomeReport.Of("pooled", asNew);
        output.WriteLine($"pooled 5-fold: answer {pooled.AnswerAccuracy}, abstain {pooled.AbstainAccuracy}; as new knowledge: answer {pooledAsNew.AnswerAccuracy}, abstain {pooledAsNew.AbstainAccuracy}");

        var (answers, abstentions) = DocumentedPooledFigures("cv-pooled-hybrid");
        Assert.True(pooled.AnswerAccuracy >= answers - Tolerance, $"cross-validated answer accuracy {pooled.AnswerAccuracy} fell below {answers} - {Tolerance}");
        Assert.True(pooled.AbstainAccuracy >= abstentions - Tolerance, $"cross-validated abstention accuracy {pooled.AbstainAccuracy} fell below {abstentions} - {Tolerance}");
        // What an article added after the fit gets: every question, as if the memory knew none of its units.
        Assert.Equal(extracted.Count, asNew.Count);
        var (newAnswers, newAbstentions) = DocumentedPooledFigures("cv-as-new-hybrid");
        Assert.True(pooledAsNew.AnswerAccuracy >= newAnswers - Tolerance, $"as new knowledge, answer accuracy {pooledAsNew.AnswerAccuracy} fell below {newAnswers} - {Tolerance}");
        Assert.True(pooledAsNew.AbstainAccuracy >= newAbstentions - Tolerance, $"as new knowledge, abstention accuracy {pooledAsNew.AbstainAccuracy} fell below {newAbstentions} - {Tolerance}");
    }

    [Fact]
    public void The_shipped_model_holds_fitted_weights_for_every_mode()
    {
        var model = AnswerModel.Shipped;

        foreach (var mode in new[] { RetrievalMode.Hybrid, RetrievalMode.Lexical, RetrievalMode.Semantic })
        {
            var weights = model.For(mode);
            Assert.Contains(weights.Ranker.Weights, w => w != 0);
            Assert.Contains(weights.Abstainer.Weights, w => w != 0);
            Assert.InRange(weights.Threshold, 0.01f, 0.99f);
        }
    }

    /// <summary>The pooled hybrid row after the marker <paramref name="marker"/> in docs/RETRIEVAL.md.</summary>
    private static (double Answers, double Abstentions) DocumentedPooledFigures(string marker)
    {
        var doc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "RETRIEVAL.md"));
        var m = Regex.Match(doc, $@"<!-- {marker} -->\s*\|\s*pooled\s*\|\s*\d+\s*\|\s*\d+\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|");
        Assert.True(m.Success, $"docs/RETRIEVAL.md has no '<!-- {marker} -->' row: the figure this gate holds the fit to");
        return (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }
}
