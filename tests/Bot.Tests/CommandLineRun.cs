using Bot.Cli;

namespace Bot.Tests;

/// <summary>Runs the command line in process, capturing what a user would see.</summary>
internal sealed record CommandLineRun(int ExitCode, string Output, string Error)
{
    public static async Task<CommandLineRun> Start(string? input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await BotCommandLine.RunAsync(args, new StringReader(input ?? ""), output, error);
        return new CommandLineRun(code, output.ToString(), error.ToString());
    }

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
