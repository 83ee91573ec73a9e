using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Commands;
using Bot.Commands.Definitions;

namespace Bot.Cli.LocalConsole;

/// <summary>
/// A typed line such as <c>/ask who is pastor kim</c> or <c>/ask private:true question:who…</c>,
/// split by the command's own definition: <c>name:value</c> pairs for its options, and any text
/// before the first pair (or all of it, when there is none) for its first required text option.
/// Only the command's option names count as prefixes, so "note: this" stays part of a question.
/// A command with subcommands takes the subcommand's name first, then its options:
/// <c>/watchparty schedule tomorrow 20:00 timezone:Europe/Paris</c>.
/// </summary>
internal sealed partial record ConsoleLine(ICommand Command, string? Subcommand, IReadOnlyList<ConsoleLine.Value> Values)
{
    /// <summary>The options this line's command (or subcommand) takes.</summary>
    public IReadOnlyList<CommandOptionDefinition> Options => Command.Definition.OptionsOf(Subcommand);

    /// <summary>"/watchparty schedule", or "/ask".</summary>
    public string Usage => Subcommand is null ? $"/{Command.Definition.Name}" : $"/{Command.Definition.Name} {Subcommand}";

    /// <summary>One option as typed: <paramref name="Start"/> is where its text begins in the line.</summary>
    public sealed record Value(CommandOptionDefinition Option, string Text, int Start);

    /// <summary>The option whose text the line ends with: where Tab and <c>?</c> complete.</summary>
    public Value? Last => Values.Count == 0 ? null : Values[^1];

    /// <summary>Null when the line is not a known command: <paramref name="problem"/> says why, in one line.</summary>
    public static ConsoleLine? Split(string line, CommandCatalog catalog, out string? problem)
    {
        problem = null;
        var text = line.TrimStart();
        var offset = line.Length - text.Length;
        if (!text.StartsWith('/'))
        {
            problem = "Commands start with /, e.g. /ask who directed Beyond Utopia? Type /help to list them.";
            return null;
        }

        var nameEnd = 1;
        while (nameEnd < text.Length && !char.IsWhiteSpace(text[nameEnd]))
            nameEnd++;
        var name = text[1..nameEnd];
        if (catalog.Find(name) is not { } command)
        {
            problem = name.Length == 0
                ? $"Type a command after /: {CommandList(catalog)}."
                : $"There is no /{Printable(name)} command. Try {CommandList(catalog)}.";
            return null;
        }

        var restStart = offset + nameEnd;
        string? subcommandName = null;
        var usage = $"/{command.Definition.Name}";
        if (command.Definition.HasSubcommands)
        {
            if (SplitSubcommand(line, restStart, command, out problem) is not { } subcommand)
                return null;
            subcommandName = subcommand.Name;
            usage = $"{usage} {subcommand.Name}";
            restStart = subcommand.End;
        }

        var values = SplitValues(line, restStart, command.Definition.OptionsOf(subcommandName), usage, out problem);
        return values is null ? null : new ConsoleLine(command, subcommandName, values);
    }

    /// <summary>The subcommand typed after the command's name, and where it ends; null with the problem when there is none or it is unknown.</summary>
    private static (string Name, int End)? SplitSubcommand(string line, int from, ICommand command, out string? problem)
    {
        problem = null;
        var usage = $"/{command.Definition.Name}";
        var subStart = from;
        while (subStart < line.Length && char.IsWhiteSpace(line[subStart]))
            subStart++;
        var subEnd = subStart;
        while (subEnd < line.Length && !char.IsWhiteSpace(line[subEnd]))
            subEnd++;
        var typedSub = line[subStart..subEnd];
        if (command.Definition.Subcommand(typedSub) is { } subcommand)
            return (subcommand.Name, subEnd);

        problem = typedSub.Length == 0
            ? $"{usage} needs one of {SubcommandList(command.Definition)}, e.g. {usage} {command.Definition.Subcommands[0].Name}"
            : $"{usage} has no {Printable(typedSub)}; it takes {SubcommandList(command.Definition)}.";
        return null;
    }

    /// <summary>
    /// The option values after the command (and subcommand), written as <c>name:value</c>; text before
    /// the first name goes to the command's one positional option. Null with the problem otherwise.
    /// </summary>
    private static List<Value>? SplitValues(string line, int restStart, IReadOnlyList<CommandOptionDefinition> options, string usage, out string? problem)
    {
        problem = null;
        var values = new List<Value>();
        var rest = line[restStart..];
        var prefixes = OptionPrefix().Matches(rest)
            .Where(m => Find(options, m.Groups["name"].Value.ToLowerInvariant()) is not null)
            .ToArray();
        var firstPrefix = prefixes.Length > 0 ? prefixes[0].Index : rest.Length;
        var leading = rest[..firstPrefix];
        if (!string.IsNullOrWhiteSpace(leading))
        {
            if (PositionalOption(options) is not { } positional)
            {
                problem = options.Count == 0
                    ? $"{usage} takes no options."
                    : $"{usage} takes {OptionList(options)}; write them as name:value.";
                return null;
            }

            values.Add(Trimmed(positional, leading, restStart));
        }

        for (var i = 0; i < prefixes.Length; i++)
        {
            var option = Find(options, prefixes[i].Groups["name"].Value.ToLowerInvariant())!;
            var start = prefixes[i].Index + prefixes[i].Length;
            var end = i + 1 < prefixes.Length ? prefixes[i + 1].Index : rest.Length;
            if (values.Any(v => v.Option == option))
            {
                problem = $"{option.Name} is given twice.";
                return null;
            }

            values.Add(Trimmed(option, rest[start..end], restStart + start));
        }

        return values;
    }

    /// <summary>
    /// The options as the command takes them, checked as Discord's client checks them before
    /// sending (required options present, kinds, lengths); null with a one-line problem otherwise.
    /// </summary>
    public CommandOptions? ToOptions(out string? problem)
    {
        problem = null;
        var converted = new List<KeyValuePair<string, object>>();
        foreach (var typed in Values)
        {
            if (!TryConvert(typed, out var value, out problem))
                return null;
            if (value is not null)
                converted.Add(KeyValuePair.Create(typed.Option.Name, value));
        }

        var missing = Options.Where(o => o.Required && !converted.Any(c => c.Key == o.Name)).ToArray();
        if (missing.Length > 0)
        {
            var first = missing[0];
            var example = first == PositionalOption(Options) ? "…" : first.Name + ":…";
            problem = $"{Usage} needs {first.Name} ({first.Description.TrimEnd('.')}), e.g. {Usage} {example}";
            return null;
        }

        return new CommandOptions(converted);
    }

    /// <summary>
    /// The options that can be read so far, leaving out <paramref name="except"/> and any not
    /// yet valid: what Discord sends with an autocomplete request beside the focused option.
    /// </summary>
    public CommandOptions ReadableOptions(Value? except) =>
        new(Values
            .Where(v => v != except)
            .Select(v => TryConvert(v, out var value, out _) && value is not null ? KeyValuePair.Create(v.Option.Name, value) : default)
            .Where(p => p.Key is not null));

    /// <summary>
    /// The value as the command takes it; null (with no problem) for an empty one, which counts
    /// as not given; false with a one-line problem when Discord's client would refuse it.
    /// </summary>
    private static bool TryConvert(Value typed, out object? value, out string? problem)
    {
        var option = typed.Option;
        var text = Unquote(typed.Text);
        problem = null;
        value = option.Kind switch
        {
            OptionKind.String => text,
            OptionKind.Integer => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null,
            OptionKind.Boolean => text.ToLowerInvariant() switch { "true" => true, "false" => false, _ => null },
            // Ids as Discord sends them; a mention such as <@123> or <#123> is reduced to its id.
            _ => MentionId().Match(text) is { Success: true } id ? id.Groups["id"].Value : null,
        };
        if (value is null)
        {
            if (text.Length == 0)
                return true;
            problem = $"{option.Name} takes {Kind(option.Kind)}, not '{Printable(TextLength.Shorten(text, 40))}'.";
            return false;
        }

        if (value is string s)
        {
            var length = TextLength.Count(s);
            if (option.Kind == OptionKind.String && option.MaxLength is { } max && length > max)
            {
                value = null;
                problem = $"{option.Name} takes up to {max} characters; that was {length}. (Discord would not send it either.)";
                return false;
            }

            if (length == 0 || (option.Kind == OptionKind.String && option.MinLength is { } min && length < min))
                value = null; // too short to send: not given
        }

        return true;
    }

    /// <summary>The option that text without a <c>name:</c> prefix goes to: the first required text option, else the first text option.</summary>
    public static CommandOptionDefinition? PositionalOption(IReadOnlyList<CommandOptionDefinition> options) =>
        options.FirstOrDefault(o => o is { Required: true, Kind: OptionKind.String })
        ?? options.FirstOrDefault(o => o.Kind == OptionKind.String);

    private static CommandOptionDefinition? Find(IReadOnlyList<CommandOptionDefinition> options, string name) =>
        options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));

    private static string SubcommandList(CommandDefinition definition) =>
        string.Join(", ", definition.Subcommands.Select(s => s.Name));

    public static string Unquote(string text) =>
        text.Length >= 2 && text[0] == text[^1] && text[0] is '"' or '\'' ? text[1..^1] : text;

    /// <summary>The typed text with outer white space dropped, and where what is left starts.</summary>
    private static Value Trimmed(CommandOptionDefinition option, string text, int start)
    {
        var trimmedStart = text.Length - text.TrimStart().Length;
        return new Value(option, text.Trim(), start + trimmedStart);
    }

    private static string CommandList(CommandCatalog catalog) =>
        string.Join(", ", catalog.Definitions.Select(d => "/" + d.Name));

    private static string OptionList(IReadOnlyList<CommandOptionDefinition> options) =>
        string.Join(", ", options.Select(o => $"{o.Name}:{Kind(o.Kind)}"));

    private static string Kind(OptionKind kind) => kind switch
    {
        OptionKind.String => "text",
        OptionKind.Integer => "a whole number",
        OptionKind.Boolean => "true or false",
        OptionKind.Channel => "a channel id",
        OptionKind.User => "a member id",
        OptionKind.Role => "a role id",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Printable(string text) => TerminalText.Sanitize(text);

    [GeneratedRegex(@"(?<=^|\s)(?<name>[A-Za-z0-9_-]{1,32}):", RegexOptions.CultureInvariant)]
    private static partial Regex OptionPrefix();

    [GeneratedRegex(@"^(?:<(?:@!?|@&|#))?(?<id>[0-9]{1,20})>?$", RegexOptions.CultureInvariant)]
    private static partial Regex MentionId();
}

/// <summary>Lengths as a person counts them (an emoji is one), and short previews of long text.</summary>
internal static class TextLength
{
    public static int Count(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
            count++;
        return count;
    }

    public static string Shorten(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, Limits.TextLimits.SafeCut(text, max - 1)), "…");
}
