using Bot.Knowledge.Answering;

namespace Bot.Cli;

/// <summary><c>ask</c>: one question from the command line, or one per line of standard input.</summary>
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
            await Write(engine.Ask(question, mode: cli.Mode), cli.Json, bold, output);
            return BotCommandLine.Ok;
        }

        if (ReferenceEquals(input, Console.In) && !Console.IsInputRedirected)
            throw new CliException($"no question given; {Example}, or pipe questions one per line into 'ask --json'");

        var asked = 0;
        while (await input.ReadLineAsync() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (asked++ > 0 && !cli.Json)
                await output.WriteLineAsync();
            await Write(engine.Ask(line.Trim(), mode: cli.Mode), cli.Json, bold, output);
        }

        if (asked == 0)
            throw new CliException($"no question given on standard input; {Example}");
        return BotCommandLine.Ok;
    }

    private static Task Write(Answer answer, bool json, (string, string) bold, TextWriter output) =>
        output.WriteLineAsync(json ? AnswerLine.From(answer).ToJson() : AnswerText.Render(answer, bold));
}
