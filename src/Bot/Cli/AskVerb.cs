using Bot.Knowledge.Answering;

namespace Bot.Cli;

/// <summary><c>ask</c>: one question from the command line, or one per line of standard input (as typed, or a question set's JSON record).</summary>
internal static class AskVerb
{
    private const string Example = "e.g. ask \"Who directed Beyond Utopia?\"";

    public static async Task<int> Run(CliArguments cli, AnswerEngine engine, TextReader input, TextWriter output)
    {
        var bold = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? ("\u001b[1m", "\u001b[0m") : ("**", "**");

        if (cli.Words.Count > 0)
        {
            var question = string.Join(' ', cli.Words);
            if (string.IsNullOrWhiteSpace(question))
                throw new CliException($"the question is empty; {Example}");
            await Write(engine.Ask(question, mode: cli.Mode), null, cli.Json, bold, output);
            return BotCommandLine.Ok;
        }

        if (ReferenceEquals(input, Console.In) && !Console.IsInputRedirected)
            throw new CliException($"no question given; {Example}, or pipe questions one per line into 'ask --json'");

        var asked = 0;
        while (await input.ReadLineAsync() is { } line)
        {
            var read = QuestionLine.Read(line);
            if (string.IsNullOrWhiteSpace(read.Question))
                continue;
            if (asked++ > 0 && !cli.Json)
                await output.WriteLineAsync();
            await Write(engine.Ask(read.Question, mode: cli.Mode), read.Id, cli.Json, bold, output);
        }

        if (asked == 0)
            throw new CliException($"no question given on standard input; {Example}");
        return BotCommandLine.Ok;
    }

    /// <param name="id">The question set's id for the question, repeated in its JSON line; null for none.</param>
    private static Task Write(Answer answer, string? id, bool json, (string, string) bold, TextWriter output) =>
        output.WriteLineAsync(json ? (AnswerLine.From(answer) with { Id = id }).ToJson() : AnswerText.Render(answer, bold));
}
