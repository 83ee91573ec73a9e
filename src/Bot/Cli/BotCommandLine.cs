using System.CommandLine;
using Bot.Hosting;
using Bot.Knowledge;
using Bot.Knowledge.Answering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Cli;

/// <summary>
/// The executable's entry: parses with System.CommandLine (<see cref="CliCommands"/>) and runs the
/// verb. Problems the user can fix print one line starting with <c>error:</c> and exit with code 2.
/// </summary>
internal static class BotCommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    /// <summary>
    /// The longest command line accepted, in characters. Past about 35 KB the process aborts inside
    /// ONNX Runtime's start-up ("Internal CLR error", exit 134) whatever the arguments say, so a
    /// longer one is refused here, before anything native starts.
    /// </summary>
    public const int MaxCommandLineChars = 16 * 1024;

    /// <summary>
    /// No response files: a question is user text, and <c>ask @notes.txt</c> must ask about "@notes.txt",
    /// not read a file into the command line.
    /// </summary>
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        // The arguments, or the process's whole command line when longer (a long program name).
        var length = Math.Max(args.Sum(a => (long)a.Length + 1), ProcessCommandLine.Length() ?? 0);
        if (length > MaxCommandLineChars)
        {
            await error.WriteLineAsync($"error: the command line is {length / 1024} KB; at most {MaxCommandLineChars / 1024} KB is accepted. Pipe long questions into 'ask --json' instead (one per line).");
            return UsageError;
        }

        var commands = new CliCommands(input, output, error);
        var parse = commands.Root.Parse(HelpVerb.AsOption(args), Parsing);
        if (ParseProblems.First(parse, args) is { } problem)
        {
            await error.WriteLineAsync($"error: {problem}");
            return UsageError;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is CliException or KnowledgeFolderMissingException or UnauthorizedAccessException
                                       || (e is IOException && e is not FileNotFoundException))
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return UsageError;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync($"error: {string.Join("; ", e.Failures)}");
            return UsageError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not the user's doing, but still one line: the type and message are what a bug report needs.
            await error.WriteLineAsync($"error: {e.GetType().Name}: {e.Message}");
            return Failed;
        }
    }

    /// <summary>
    /// Starts the host (which indexes the knowledge folder, vectors included, with a progress bar
    /// on a terminal), runs one command, stops.
    /// </summary>
    internal static async Task<int> WithKnowledge(CliArguments cli, TextWriter error, Func<AnswerEngine, Task<int>> command)
    {
        using var host = BotHost.Build(Overrides.From(cli), watch: false, progressBar: TerminalProgressBar.Terminal(cli, error));
        await host.StartAsync();
        try
        {
            var engine = host.Services.GetRequiredService<AnswerEngine>();
            if (cli.Mode is RetrievalMode.Semantic or RetrievalMode.Hybrid && engine.DefaultMode == RetrievalMode.Lexical)
                throw new CliException($"--mode {cli.Mode.Value.ToString().ToLowerInvariant()} needs the sentence model, but Knowledge:Semantic is off");
            return await command(engine);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
