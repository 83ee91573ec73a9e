using System.Text.Json;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Evaluation;
using Bot.Knowledge.Fitting;

namespace Bot.Cli;

/// <summary>
/// <c>eval FILE.jsonl</c>: answers a question set and prints the metrics score.py would.
/// <c>eval FILE.jsonl... --folds K</c>: the same figures for the shipped scorer (in-sample: it
/// was fitted on the public sets), next to K-fold cross-validated ones, each question scored by
/// a scorer fitted without it.
/// </summary>
internal static class EvalVerb
{
    public static async Task<int> Run(CliArguments cli, AnswerEngine engine, TextWriter output)
    {
        if (cli.Folds is { } folds)
            return await CrossValidate(cli, engine, folds, output);
        if (cli.Words.Count != 1)
            throw new CliException("eval needs one question file, e.g. eval ../shared/eval/dev-questions.jsonl (or several with --folds K)");
        var questions = QuestionSets.Load(cli.Words, "eval").Select(q => q.Question).ToArray();
        var answers = questions.Select(q => engine.Ask(q.Question, mode: cli.Mode)).ToArray();
        var report = EvalReport.Score(questions, answers);
        await output.WriteLineAsync(cli.Json ? JsonSerializer.Serialize(report, EvalReportJsonContext.Default.EvalReport) : report.ToString());
        return BotCommandLine.Ok;
    }

    private static async Task<int> CrossValidate(CliArguments cli, AnswerEngine engine, int folds, TextWriter output)
    {
        var questions = QuestionSets.Load(cli.Words, "eval");
        var mode = cli.Mode ?? engine.DefaultMode;
        var inSample = questions.GroupBy(q => q.Set)
            .Select(g =>
            {
                var set = g.Select(q => q.Question).ToArray();
                var report = EvalReport.Score(set, set.Select(q => engine.Ask(q.Question, mode: mode)).ToArray());
                return new OutcomeReport(g.Key, report.InScope, report.OutOfScope, report.AnswerAccuracy, report.AbstainAccuracy, report.MedianAnswerChars) { RankedAccuracy = double.NaN };
            })
            .ToList();
        var crossValidated = OutcomeReport.BySet(ScorerFitting.CrossValidate(ScorerFitting.Extract(engine, questions, mode), mode, folds));
        if (cli.Json)
        {
            foreach (var r in crossValidated)
                await output.WriteLineAsync(JsonSerializer.Serialize(new CrossValidatedLine(r.Set, mode.ToString().ToLowerInvariant(), folds, r.AnswerAccuracy, r.AbstainAccuracy, r.MedianAnswerChars), EvalReportJsonContext.Default.CrossValidatedLine));
            return BotCommandLine.Ok;
        }

        await output.WriteLineAsync(OutcomeReport.Table(crossValidated, $"{mode.ToString().ToLowerInvariant()}: {folds}-fold cross-validated"));
        await output.WriteLineAsync(OutcomeReport.Table(inSample, "in-sample: the shipped scorer, fitted on these public sets"));
        return BotCommandLine.Ok;
    }
}

internal sealed record CrossValidatedLine(string Set, string Mode, int Folds, double AnswerAcc, double AbstainAcc, double AnswerCharsMedian);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
[System.Text.Json.Serialization.JsonSerializable(typeof(EvalReport))]
[System.Text.Json.Serialization.JsonSerializable(typeof(CrossValidatedLine))]
internal sealed partial class EvalReportJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
