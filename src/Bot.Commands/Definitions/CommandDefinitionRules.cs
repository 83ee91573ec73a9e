using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Bot.Commands.Definitions;

/// <summary>
/// Discord's documented limits on slash command definitions, the strictest transport we serve:
/// a definition that passes here registers there and works anywhere else.
/// </summary>
public static partial class CommandDefinitionRules
{
    public const int MaxNameLength = 32;
    public const int MaxDescriptionLength = 100;
    public const int MaxOptions = 25;
    public const int MaxCommands = 100;

    /// <summary>
    /// Names plus descriptions of a command and its options. Discord allows 8000 counting
    /// localizations and choices; we keep half of that for them.
    /// </summary>
    public const int MaxTotalCharacters = 4000;

    /// <summary>Discord's bounds on <c>min_length</c> and <c>max_length</c> of a text option.</summary>
    public const int MaxTextOptionLength = 6000;

    /// <summary>Whether <paramref name="name"/> is a valid command or option name: lower case where a lower case exists.</summary>
    [SuppressMessage("Performance", "CA1862:Use the 'StringComparison' method overloads to perform case-insensitive string comparisons", Justification = "Not a case-insensitive comparison: it checks that the name is already lower case.")]
    public static bool IsValidName([NotNullWhen(true)] string? name) =>
        name is not null && NamePattern().IsMatch(name) && name == name.ToLowerInvariant();

    /// <summary>Every way the definition breaks the limits, each naming the command; empty when it is fine.</summary>
    public static IReadOnlyList<string> Check(CommandDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>();
        var who = $"/{definition.Name}";
        if (!IsValidName(definition.Name))
            problems.Add($"{who}: the name must be 1 to {MaxNameLength} lower-case letters, digits, '-' or '_'");
        CheckDescription(problems, who, definition.Description);
        var total = (definition.Name?.Length ?? 0) + (definition.Description?.Length ?? 0);
        var options = definition.Options ?? [];
        var subcommands = definition.Subcommands ?? [];
        total += CheckOptions(problems, who, options);
        if (subcommands.Count > 0 && options.Count > 0)
            problems.Add($"{who}: a command with subcommands takes no options of its own; give them to its subcommands");
        if (subcommands.Count > MaxOptions)
            problems.Add($"{who}: {subcommands.Count} subcommands; at most {MaxOptions} are allowed");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subcommand in subcommands)
        {
            if (subcommand is null)
            {
                problems.Add($"{who}: a subcommand is null");
                continue;
            }

            var where = $"{who} {subcommand.Name}";
            total += (subcommand.Name?.Length ?? 0) + (subcommand.Description?.Length ?? 0);
            if (!IsValidName(subcommand.Name))
                problems.Add($"{where}: the subcommand name must be 1 to {MaxNameLength} lower-case letters, digits, '-' or '_'");
            else if (!seen.Add(subcommand.Name))
                problems.Add($"{where}: the subcommand name is used twice");
            CheckDescription(problems, where, subcommand.Description);
            total += CheckOptions(problems, where, subcommand.Options ?? []);
            if (!Enum.IsDefined(subcommand.RequiredPermission) && !IsFlagSet(subcommand.RequiredPermission))
                problems.Add($"{where}: unknown permission {subcommand.RequiredPermission}");
        }

        if (total > MaxTotalCharacters)
            problems.Add($"{who}: names and descriptions total {total} characters; at most {MaxTotalCharacters} are allowed");
        if (!Enum.IsDefined(definition.RequiredPermission) && !IsFlagSet(definition.RequiredPermission))
            problems.Add($"{who}: unknown permission {definition.RequiredPermission}");
        return problems;
    }

    /// <summary>Checks one list of options (a command's or a subcommand's); returns the characters of their names and descriptions.</summary>
    private static int CheckOptions(List<string> problems, string who, IReadOnlyList<CommandOptionDefinition> options)
    {
        if (options.Count > MaxOptions)
            problems.Add($"{who}: {options.Count} options; at most {MaxOptions} are allowed");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var optionalSeen = false;
        var total = 0;
        foreach (var option in options)
        {
            if (option is null)
            {
                problems.Add($"{who}: an option is null");
                continue;
            }

            var where = $"{who} option '{option.Name}'";
            total += (option.Name?.Length ?? 0) + (option.Description?.Length ?? 0);
            if (!IsValidName(option.Name))
                problems.Add($"{where}: the name must be 1 to {MaxNameLength} lower-case letters, digits, '-' or '_'");
            else if (!seen.Add(option.Name))
                problems.Add($"{where}: the name is used twice");
            CheckDescription(problems, where, option.Description);
            if (option.Required && optionalSeen)
                problems.Add($"{where}: required options must come before optional ones");
            optionalSeen |= !option.Required;
            if (!Enum.IsDefined(option.Kind))
                problems.Add($"{where}: unknown kind {option.Kind}");
            if (option.Kind != OptionKind.String && (option.MinLength is not null || option.MaxLength is not null))
                problems.Add($"{where}: only text options take a minimum or maximum length");
            if (option.MinLength is < 0 or > MaxTextOptionLength)
                problems.Add($"{where}: the minimum length must be 0 to {MaxTextOptionLength}");
            if (option.MaxLength is < 1 or > MaxTextOptionLength)
                problems.Add($"{where}: the maximum length must be 1 to {MaxTextOptionLength}");
            if (option is { MinLength: { } min, MaxLength: { } max } && min > max)
                problems.Add($"{where}: the minimum length is above the maximum");
            if (option.Autocomplete && option.Kind is not (OptionKind.String or OptionKind.Integer))
                problems.Add($"{where}: only text and whole-number options can autocomplete");
            var kinds = option.ChannelKinds ?? [];
            if (kinds.Count > 0 && option.Kind != OptionKind.Channel)
                problems.Add($"{where}: only channel options take channel kinds");
            if (kinds.Any(k => k == ChannelKind.Unknown || !Enum.IsDefined(k)))
                problems.Add($"{where}: channel kinds must be known kinds (text, voice, stage)");
        }

        return total;
    }

    /// <summary>Every problem of a whole set of commands: each definition's, and names used twice.</summary>
    public static IReadOnlyList<string> Check(IEnumerable<CommandDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var all = definitions.ToArray();
        var problems = all.SelectMany(Check).ToList();
        problems.AddRange(all
            .GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"/{g.Key}: {g.Count()} commands have this name"));
        if (all.Length > MaxCommands)
            problems.Add($"{all.Length} commands; at most {MaxCommands} are allowed");
        return problems;
    }

    private static void CheckDescription(List<string> problems, string where, string? description)
    {
        if (string.IsNullOrWhiteSpace(description) || description.Length > MaxDescriptionLength)
            problems.Add($"{where}: the description must be 1 to {MaxDescriptionLength} characters, not blank (it has {description?.Length ?? 0})");
    }

    private static bool IsFlagSet(MemberPermission permission)
    {
        var known = Enum.GetValues<MemberPermission>().Aggregate(MemberPermission.None, (a, b) => a | b);
        return (permission & ~known) == 0;
    }

    [GeneratedRegex(@"^[-_\p{L}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();
}
