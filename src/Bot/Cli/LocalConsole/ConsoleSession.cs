using Bot.Commands;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Discord.Interactions;
using Bot.Discord.Models.Components;
using Microsoft.Extensions.Logging;

namespace Bot.Cli.LocalConsole;

/// <summary>
/// The console's side of a conversation: each typed line runs the same command handlers as
/// Discord (as a console user, outside any guild, in one channel, holding every permission so
/// moderators' commands can be tried), and replies are printed as text. A number presses a button
/// of the last message; a line ending in <c>?</c> on an option with suggestions lists them. Work a
/// reply asks for once it is a message (<see cref="Reply.WhenSent"/>, such as pinning) runs right
/// after it is printed, and what it says is printed after it. Each command or press is logged within an
/// interaction scope (numbered from 1) as on Discord.
/// </summary>
internal sealed partial class ConsoleSession(CommandCatalog catalog, IKnowledgeReader knowledge, TextWriter output, bool ansi, ILogger? logger = null, TimeProvider? time = null)
{
    public static readonly CommandInvoker Invoker = new("console", "console");

    public static readonly MemberPermission AllPermissions =
        Enum.GetValues<MemberPermission>().Aggregate(MemberPermission.None, (all, p) => all | p);

    private IReadOnlyList<Component> _buttons = [];
    private int _messages;
    private ulong _interactions;

    /// <summary>The buttons of the last message shown, as Discord would get them, pressed by typing their number.</summary>
    public IReadOnlyList<Component> Buttons => _buttons;

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
        await ShowAsync(
            command.Definition.Name,
            () => command.ExecuteAsync(
                new CommandContext
                {
                    CommandName = command.Definition.Name,
                    Subcommand = parsed.Subcommand,
                    Options = options,
                    Invoker = Invoker,
                    GuildId = null,
                    ChannelId = ConsoleCapabilities.ChannelId,
                    Permissions = AllPermissions,
                    Knowledge = knowledge,
                },
                cancellationToken),
            cancellationToken);
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

        if (SubcommandCompletion(line) is { } subcommands)
            return subcommands;
        if (ConsoleLine.Split(line, catalog, out _) is not { } parsed)
            return null;
        var focus = parsed.Last;
        if (focus is null)
        {
            if (ConsoleLine.PositionalOption(parsed.Options) is not { } positional)
                return null;
            focus = new ConsoleLine.Value(positional, "", line.Length);
        }

        if (!focus.Option.Autocomplete)
            return null;

        var partial = ConsoleLine.Unquote(focus.Text);
        var choices = await ConsoleSuggestions.ForAsync(
            parsed.Command,
            parsed.Subcommand,
            parsed.ReadableOptions(except: focus),
            focus.Option,
            partial,
            new ConsoleSuggestions.Where(Invoker, null, AllPermissions, knowledge),
            cancellationToken);
        return new ConsoleCompletion(focus.Start, partial, focus.Option, choices);
    }

    /// <summary>The subcommands whose names start with what follows <c>/command </c>, when that is all the line holds.</summary>
    private ConsoleCompletion? SubcommandCompletion(string line)
    {
        var text = line.TrimStart();
        var offset = line.Length - text.Length;
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (!text.StartsWith('/') || space < 0 || catalog.Find(text[1..space]) is not { Definition.HasSubcommands: true } command)
            return null;
        var start = space;
        while (start < text.Length && text[start] == ' ')
            start++;
        var typed = text[start..];
        if (typed.Any(char.IsWhiteSpace))
            return null;
        var names = command.Definition.Subcommands
            .Where(s => s.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(s => new ConsoleChoice(s.Name, s.Name))
            .ToArray();
        return new ConsoleCompletion(offset + start, typed, null, names) { What = "subcommand" };
    }

    public static string Describe(ConsoleCompletion completion)
    {
        var what = completion.Option is { } option ? option.Name : completion.What;
        if (completion.Choices.Count == 0)
            return completion.Typed.Length == 0 ? $"No suggestions for {what}." : $"No suggestions for {what} matching '{TerminalText.Sanitize(completion.Typed)}'.";
        var lines = completion.Choices.Select(c => "  " + TerminalText.Sanitize(c.Name));
        return $"Suggestions for {what}:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }

    private async Task PressAsync(int number, CancellationToken cancellationToken)
    {
        if (number < 1 || number > _buttons.Count)
        {
            await output.WriteLineAsync(_buttons.Count == 0 ? "The last message has no buttons to press."
                : _buttons.Count == 1 ? "The last message has one button: type 1 to press it." : $"The last message has buttons 1 to {_buttons.Count}.");
            return;
        }

        var button = _buttons[number - 1];
        if (button.Disabled == true)
        {
            await output.WriteLineAsync($"[{number}] {TerminalText.Sanitize(button.Label ?? "")} is disabled.");
            return;
        }

        var customId = button.CustomId!;
        if (catalog.FindComponentOwner(customId) is not { } owner)
        {
            await output.WriteLineAsync("That button no longer does anything (its command is gone).");
            return;
        }

        var messageId = MessageId(_messages);
        await ShowAsync(
            owner.Definition.Name,
            () => owner.HandleComponentAsync(
                new ComponentContext
                {
                    CustomId = customId,
                    MessageId = messageId,
                    Invoker = Invoker,
                    GuildId = null,
                    ChannelId = ConsoleCapabilities.ChannelId,
                    Permissions = AllPermissions,
                    Knowledge = knowledge,
                },
                cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// Runs a handler and prints its reply as Discord would get it (the dispatcher's reply policy:
    /// fitted to Discord's limits); then, for a new public message, the work it asks for once sent,
    /// and what that says.
    /// </summary>
    private async Task ShowAsync(string command, Func<ValueTask<Reply>> handler, CancellationToken cancellationToken)
    {
        var id = ++_interactions;
        using var scope = logger?.BeginScope(new InteractionLogScope(id, command));
        Reply reply;
        try
        {
            reply = await handler();
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // On Discord the dispatcher logs this and shows a short apology; here the cause is more useful.
            if (logger is not null)
                Failed(logger, id, command, e);
            await output.WriteLineAsync($"The command failed: {e.GetType().Name}: {TerminalText.Sanitize(e.Message)}");
            return;
        }

        if (logger is not null)
            Answered(logger, id, command);

        if (reply.Kind == ReplyKind.NewMessage || _messages == 0)
            _messages++;
        var sent = ReplyText.AsSent(reply);
        _buttons = ReplyText.Buttons(sent);
        await output.WriteLineAsync(ReplyText.Render(sent, reply.Kind == ReplyKind.UpdateMessage, ansi, time));
        await output.WriteLineAsync();
        if (reply.WhenSent is not { } work || reply.Ephemeral || reply.Kind != ReplyKind.NewMessage)
            return;

        Reply? notice;
        try
        {
            notice = await work(new SentMessage(ConsoleCapabilities.ChannelId, MessageId(_messages)), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            await output.WriteLineAsync($"The work after the reply failed: {e.GetType().Name}: {TerminalText.Sanitize(e.Message)}");
            return;
        }

        if (notice is not null)
        {
            // A note about the message above: it does not replace the buttons to press.
            await output.WriteLineAsync(ReplyText.Render(notice with { Ephemeral = true, Kind = ReplyKind.NewMessage, WhenSent = null }, ansi, time));
            await output.WriteLineAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Console interaction {InteractionId} ({Command}) answered")]
    private static partial void Answered(ILogger logger, ulong interactionId, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Console interaction {InteractionId} ({Command}) failed")]
    private static partial void Failed(ILogger logger, ulong interactionId, string command, Exception exception);

    /// <summary>The console's messages are numbered from 1 as they are shown.</summary>
    private static string MessageId(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What completing at the end of a line offers.</summary>
/// <param name="ReplaceFrom">Where in the line the text being completed starts.</param>
/// <param name="Typed">That text, as far as it was typed.</param>
/// <param name="Option">The option being completed; null for a command name.</param>
internal sealed record ConsoleCompletion(int ReplaceFrom, string Typed, CommandOptionDefinition? Option, IReadOnlyList<ConsoleChoice> Choices)
{
    /// <summary>True for a command's or a subcommand's name.</summary>
    public bool IsCommandName => Option is null;

    /// <summary>What is completed when it is no option: "command" or "subcommand".</summary>
    public string What { get; init; } = "command";
}

/// <param name="Name">What is shown.</param>
/// <param name="Value">What is put in the line when chosen.</param>
internal sealed record ConsoleChoice(string Name, string Value);
