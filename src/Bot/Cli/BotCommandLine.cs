using Bot.Hosting;
using Bot.Knowledge;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Cli;

/// <summary>The executable's verbs. Problems the user can fix print one line and exit with code 2.</summary>
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

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        // The arguments, or the process's whole command line when longer (a long program name).
        var length = Math.Max(args.Sum(a => (long)a.Length + 1), ProcessCommandLine.Length() ?? 0);
        if (length > MaxCommandLineChars)
        {
            await error.WriteLineAsync($"error: the command line is {length / 1024} KB; at most {MaxCommandLineChars / 1024} KB is accepted. Pipe long questions into 'ask --json' instead (one per line).");
            return UsageError;
        }

        try
        {
            var cli = CliArguments.Parse(args);
            switch (cli.Verb)
            {
                case "ask":
                    return await WithKnowledge(cli, error, engine => AskVerb.Run(cli, engine, input, output));
                case "console":
                    return await ConsoleVerb.Run(cli, input, output, error);
                case "eval":
                    return await WithKnowledge(cli, error, engine => EvalVerb.Run(cli, engine, output));
                case "explain":
                    return await WithKnowledge(cli, error, engine => ExplainVerb.Run(cli, engine, output));
                case "fit":
                    return await WithKnowledge(cli, error, engine => FitVerb.Run(cli, engine, output));
                case "" or "run":
                    return await RunVerb.Run(cli, error);
                case "register-commands":
                    return await RegisterCommandsVerb.Run(cli, output, error);
                case "help":
                    await output.WriteLineAsync(Usage.Text);
                    return Ok;
                default:
                    throw new CliException($"unknown command '{cli.Verb}'; run 'help' for the commands");
            }
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
    private static async Task<int> WithKnowledge(CliArguments cli, TextWriter error, Func<AnswerEngine, Task<int>> command)
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
