using Bot.Commands;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;

namespace Bot.Cli.LocalConsole;

/// <summary>
/// The console's side of a conversation: each typed line runs the same command handlers as
/// Discord (as a console user, outside any guild, holding every permission so moderators'
/// commands can be tried), and replies are printed as text. A number presses a button of the
/// last message; a line ending in <c>?</c> on an option with suggestions lists them.
/// </summary>
internal sealed class ConsoleSession(CommandCatalog catalog, IKnowledgeReader knowledge, TextWriter output, bool ansi)
{
    public static readonly CommandInvoker Invoker = new("console", "console");

    public static readonly MemberPermission AllPermissions =
        Enum.GetValues<MemberPermission>().Aggregate(MemberPermission.None, (all, p) => all | p);

    private IReadOnlyList<ReplyButton> buttons = [];

    /// <summary>The buttons of the last message shown, pressed by typing their number.</summary>
    public IReadOnlyList<ReplyButton> Buttons => buttons;

    public static bool IsExit(string line) =>
        line.Trim().TrimStart('/').ToLowerInvariant() is "exit" or "quit";

    /// <summary>Handles one line; false when it asks to leave.</summary>
    public async Task<bool> HandleAsync(string line, CancellationToken cancellationToken)
    {
        var text = line.Trim();
        if (text.Length == 0)
            return true;
        if (IsExit(text))
            return false;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            await PressAsync(number, cancellationToken);
            return true;
        }

        if (text.EndsWith('?') && await CompleteAsync(line.TrimEnd()[..^1], cancellationToken) is { IsCommandName: false } completion)
        {
            await output.WriteLineAsync(Describe(completion));
            return true;
        }

        if (ConsoleLine.Split(line, catalog, out var problem) is not { } parsed || parsed.ToOptions(out problem) is not { } options)
        {
            await output.WriteLineAsync(problem);
            return true;
        }

        var command = parsed.Command;
        await ShowAsync(() => command.ExecuteAsync(
            new CommandContext
            {
                CommandName = command.Definition.Name,
                Options = options,
                Invoker = Invoker,
                GuildId = null,
                Permissions = AllPermissions,
                Knowledge = knowledge,
            },
            cancellationToken));
        return true;
    }

    /// <summary>
    /// What Tab (or a trailing <c>?</c>) offers at the end of <paramref name="line"/>: command
    /// names after a lone <c>/</c>, or the command's suggestions for the option being typed when
    /// that option has them; null when there is nothing to complete there.
    /// </summary>
    public async Task<ConsoleCompletion?> CompleteAsync(string line, CancellationToken cancellationToken)
    {
        var start = line.Length - line.TrimStart().Length;
        if (line.Length > start && line[start] == '/' && !line.AsSpan(start).ContainsAny(' ', '\t'))
        {
            var typed = line[(start + 1)..];
            var names = catalog.Definitions
                .Where(d => d.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(d => new ConsoleChoice(d.Name, d.Name))
                .ToArray();
            return new ConsoleCompletion(start + 1, typed, null, names);
        }

        if (ConsoleLine.Split(line, catalog, out _) is not { } parsed)
            return null;
        var focus = parsed.Last;
        if (focus is null)
        {
            if (ConsoleLine.PositionalOption(parsed.Command.Definition) is not { } positional)
                return null;
            focus = new ConsoleLine.Value(positional, "", line.Length);
        }

        if (!focus.Option.Autocomplete)
            return null;

        var partial = ConsoleLine.Unquote(focus.Text);
        var choices = await ConsoleSuggestions.ForAsync(
            parsed.Command,
            parsed.ReadableOptions(except: focus),
            focus.Option,
            partial,
            new ConsoleSuggestions.Where(Invoker, null, AllPermissions, knowledge),
            cancellationToken);
        return new ConsoleCompletion(focus.Start, partial, focus.Option, choices);
    }

    public static string Describe(ConsoleCompletion completion)
    {
        var what = completion.Option is { } option ? option.Name : "command";
        if (completion.Choices.Count == 0)
            return completion.Typed.Length == 0 ? $"No suggestions for {what}." : $"No suggestions for {what} matching '{TerminalText.Sanitize(completion.Typed)}'.";
        var lines = completion.Choices.Select(c => "  " + TerminalText.Sanitize(c.Name));
        return $"Suggestions for {what}:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }

    private async Task PressAsync(int number, CancellationToken cancellationToken)
    {
        if (number < 1 || number > buttons.Count)
        {
            await output.WriteLineAsync(buttons.Count == 0 ? "The last message has no buttons to press."
                : buttons.Count == 1 ? "The last message has one button: type 1 to press it." : $"The last message has buttons 1 to {buttons.Count}.");
            return;
        }

        var button = buttons[number - 1];
        if (button.Disabled)
        {
            await output.WriteLineAsync($"[{number}] {TerminalText.Sanitize(button.Label)} is disabled.");
            return;
        }

        if (catalog.FindComponentOwner(button.CustomId) is not { } owner)
        {
            await output.WriteLineAsync("That button no longer does anything (its command is gone).");
            return;
        }

        await ShowAsync(() => owner.HandleComponentAsync(
            new ComponentContext
            {
                CustomId = button.CustomId,
                Invoker = Invoker,
                GuildId = null,
                Permissions = AllPermissions,
                Knowledge = knowledge,
            },
            cancellationToken));
    }

    /// <summary>Runs a handler and prints its reply, fitted to Discord's limits as Discord would show it.</summary>
    private async Task ShowAsync(Func<ValueTask<Reply>> handler)
    {
        Reply reply;
        try
        {
            reply = ReplyLimits.Fit(await handler());
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // On Discord the dispatcher logs this and shows a short apology; here the cause is more useful.
            await output.WriteLineAsync($"The command failed: {e.GetType().Name}: {TerminalText.Sanitize(e.Message)}");
            return;
        }

        buttons = reply.Buttons;
        await output.WriteLineAsync(ReplyText.Render(reply, ansi));
        await output.WriteLineAsync();
    }
}

/// <summary>What completing at the end of a line offers.</summary>
/// <param name="ReplaceFrom">Where in the line the text being completed starts.</param>
/// <param name="Typed">That text, as far as it was typed.</param>
/// <param name="Option">The option being completed; null for a command name.</param>
internal sealed record ConsoleCompletion(int ReplaceFrom, string Typed, CommandOptionDefinition? Option, IReadOnlyList<ConsoleChoice> Choices)
{
    public bool IsCommandName => Option is null;
}

/// <param name="Name">What is shown.</param>
/// <param name="Value">What is put in the line when chosen.</param>
internal sealed record ConsoleChoice(string Name, string Value);
