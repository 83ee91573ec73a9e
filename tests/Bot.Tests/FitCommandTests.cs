using Bot.Knowledge.Answering;

namespace Bot.Tests;

/// <summary><c>fit</c> and <c>eval --folds</c> as a user runs them: the real executable, real files.</summary>
public sealed class FitCommandTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Fit_writes_a_model_the_bot_loads_and_prints_cross_validated_figures()
    {
        var model = _data.Combine("answer-model.json");
        var run = await CommandLineRun.Start(
            null, "fit", TestPaths.DevQuestions, TestPaths.CommunityQuestions, "--mode", "lexical", "--folds", "3", "--out", model, "--knowledge", TestPaths.ShippedKnowledge, "--data", _data.FullPath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("3-fold cross-validated", run.Output);
        Assert.Contains("| pooled |", run.Output);
        Assert.Contains("in-sample", run.Output);
        var loaded = AnswerModel.Parse(await File.ReadAllTextAsync(model));
        Assert.Contains(loaded.For(RetrievalMode.Lexical).Ranker.Weights, w => w != 0);
        Assert.Contains("dev-questions.jsonl", await File.ReadAllTextAsync(model));
    }

    [Fact]
    public async Task Eval_with_folds_prints_cross_validated_and_in_sample_figures_per_set()
    {
        var run = await CommandLineRun.Start(
            null, "eval", TestPaths.DevQuestions, TestPaths.CommunityQuestions, "--mode", "lexical", "--folds", "2", "--knowledge", TestPaths.ShippedKnowledge, "--data", _data.FullPath);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("lexical: 2-fold cross-validated", run.Output);
        Assert.Contains("| dev-questions | 25 | 6 |", run.Output);
        Assert.Contains("| community-questions | 80 | 30 |", run.Output);
        Assert.Contains("in-sample", run.Output);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("many")]
    public async Task A_bad_fold_count_is_a_one_line_error(string folds)
    {
        var run = await CommandLineRun.Start(null, "eval", TestPaths.DevQuestions, "--folds", folds, "--knowledge", TestPaths.ShippedKnowledge, "--data", _data.FullPath);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--folds needs a number of folds from 2 to 50", run.Error);
    }

    [Fact]
    public async Task Explain_lists_the_candidates_with_their_features()
    {
        var run = await CommandLineRun.Start(
            null, "explain", "Who directed Beyond Utopia?", "--knowledge", TestPaths.ShippedKnowledge, "--data", _data.FullPath);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("answered: True", run.Output);
        Assert.Contains("Madeleine Gavin", run.Output);
        Assert.Contains("cov_unit=", run.Output);
    }
}
