using System.Text.Json;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Evaluation;

namespace Bot.Cli;

/// <summary><c>eval FILE.jsonl</c>: answers a question set and prints the metrics score.py would.</summary>
internal static class EvalCommand
{
    public static async Task<int> Run(CliArguments cli, AnswerEngine engine, TextWriter output)
    {
        if (cli.Words.Count != 1)
            throw new CliException("eval needs one question file, e.g. eval ../shared/eval/dev-questions.jsonl");
        var path = cli.Words[0];
        if (!File.Exists(path))
            throw new CliException($"the question file '{Path.GetFullPath(path)}' does not exist");

        IReadOnlyList<EvalQuestion> questions;
        try
        {
            questions = EvalQuestion.Load(path);
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message);
        }

        var answers = questions.Select(q => engine.Ask(q.Question, mode: cli.Mode)).ToArray();
        var report = EvalReport.Score(questions, answers);
        await output.WriteLineAsync(cli.Json ? JsonSerializer.Serialize(report, EvalReportJsonContext.Default.EvalReport) : report.ToString());
        return BotCommandLine.Ok;
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
[System.Text.Json.Serialization.JsonSerializable(typeof(EvalReport))]
internal sealed partial class EvalReportJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
