using Bot.Cli.LocalConsole;
using Bot.Commands;
using Bot.Commands.Cooldowns;
using Bot.Hosting;
using Bot.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Cli;

/// <summary>
/// <c>console</c>: the slash commands on the local terminal, no Discord needed. Starts the host
/// (state database, knowledge index) as <c>ask</c> does, says when it is ready, then runs typed
/// lines through the same command handlers as Discord (the per-member question cooldown off,
/// unless configured) until <c>exit</c>, <c>quit</c>, end of input (Ctrl+D) or a stop signal.
/// </summary>
internal static class ConsoleVerb
{
    public const string Prompt = "bot> ";

    public static async Task<int> Run(CliArguments cli, TextReader input, TextWriter output, TextWriter error)
    {
        if (cli.Words.Count > 0)
            throw new CliException("console takes no question; start it, then type e.g. /ask who directed Beyond Utopia?");

        var terminal = ReferenceEquals(input, Console.In) && ReferenceEquals(output, Console.Out) && !Console.IsInputRedirected && !Console.IsOutputRedirected;
        var ansi = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        await output.WriteLineAsync("Starting: reading the knowledge folder…");

        // Not watched: a console session is short, and the watcher's logs would interleave with the prompt.
        var overrides = Overrides.From(cli);
        // One person trying commands (or piping a list of questions) is not a member flooding a
        // channel: no question cooldown here unless it is configured explicitly.
        var cooldown = $"{QuestionCooldownOptions.Section}:{nameof(QuestionCooldownOptions.Questions)}";
        if (string.IsNullOrWhiteSpace(BotHost.ReadConfiguration(overrides)[cooldown]))
            overrides[cooldown] = "0";
        using var host = BotHost.Build(overrides, watch: false, progressBar: TerminalProgressBar.Terminal(cli, error));
        await host.StartAsync();
        try
        {
            var services = host.Services;
            var session = new ConsoleSession(
                services.GetRequiredService<CommandCatalog>(), services.GetRequiredService<IKnowledgeReader>(), output, ansi, services.GetRequiredService<ILogger<ConsoleSession>>(),
                services.GetRequiredService<TimeProvider>());
            var folder = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Folder;
            await output.WriteLineAsync($"Ready: answering from {TerminalText.Sanitize(folder)}. Type /help for the commands, a number to press a button, exit or Ctrl+D to leave.");

            var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            var editor = terminal ? new LineEditor(Prompt, session.CompleteAsync) : null;
            while (!stopping.IsCancellationRequested)
            {
                var reading = editor is not null
                    ? Task.Run(() => editor.ReadLine(stopping), CancellationToken.None)
                    : input.ReadLineAsync(stopping).AsTask();
                // Ctrl+C or SIGTERM stops the host; a read that never returns must not keep us here.
                var line = await reading.WaitAsync(stopping).ConfigureAwait(false);
                if (line is null || !await session.HandleAsync(line, stopping))
                    break;
            }
        }
        catch (OperationCanceledException) when (host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested)
        {
            // Stopped by a signal (Ctrl+C): leave quietly, off the prompt's line.
            if (terminal)
                await output.WriteLineAsync();
        }
        finally
        {
            await host.StopAsync();
        }

        return BotCommandLine.Ok;
    }
}
