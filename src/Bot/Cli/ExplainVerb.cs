using System.Globalization;
using Bot.Knowledge.Answering;

namespace Bot.Cli;

/// <summary>
/// <c>explain "QUESTION"</c>: every candidate answer unit with the ranker's score and its
/// features, best first: how to see why the bot chose what it chose.
/// </summary>
internal static class ExplainVerb
{
    public static async Task<int> Run(CliArguments cli, AnswerEngine engine, TextWriter output)
    {
        var question = string.Join(' ', cli.Words);
        if (string.IsNullOrWhiteSpace(question))
            throw new CliException("explain needs a question, e.g. explain \"Who directed Beyond Utopia?\"");
        var mode = cli.Mode ?? engine.DefaultMode;
        var weights = AnswerModel.Shipped.For(mode);
        var units = engine.Explain(question, mode).Units;
        var c = CultureInfo.InvariantCulture;
        var answer = engine.Ask(question, mode: mode);
        await output.WriteLineAsync(string.Create(c, $"answered: {answer.Answered} (confidence {answer.Confidence:0.000}, threshold {answer.Threshold:0.000})"));
        foreach (var (unit, score) in units.Select(u => (u, weights.Ranker.Score(u.Features))).OrderByDescending(x => x.Item2).Take(cli.Json ? int.MaxValue : 8))
        {
            await output.WriteLineAsync(string.Create(c, $"{score,7:0.00}  {Cut(unit.Text, 110)}"));
            await output.WriteLineAsync("         " + string.Join(' ', AnswerFeatures.Names.Zip(unit.Features).Where(x => x.Second != 0).Select(x => string.Create(c, $"{x.First}={x.Second:0.##}"))));
        }

        return BotCommandLine.Ok;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
