using System.CommandLine;
using System.CommandLine.Parsing;

namespace Bot.Cli;

/// <summary>
/// The first problem of a parse, as one line in the README's words. System.CommandLine's own
/// messages are kept where no better one is known.
/// </summary>
internal static class ParseProblems
{
    public static string? First(ParseResult parse, IReadOnlyList<string> args)
    {
        // A verb's words take anything, '--colour' too: an option the verb does not know is caught
        // here, before it could become part of a question. After '--' everything is words.
        var known = Known(parse);
        foreach (var arg in args.TakeWhile(a => a != "--"))
        {
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 && !known.Contains(arg.Split('=', 2)[0]))
                return $"unknown option '{arg}'; run 'help' for the options";
        }

        if (parse.Errors.Count == 0)
            return null;
        if (parse.UnmatchedTokens.Count > 0)
        {
            var token = parse.UnmatchedTokens[0];
            return token.StartsWith('-')
                ? $"unknown option '{token}'; run 'help' for the options"
                : $"unknown command '{token}'; run 'help' for the commands";
        }

        var error = parse.Errors[0];
        if (error.SymbolResult is OptionResult { Tokens.Count: 0 } option && CliOptions.MissingValue(option.Option.Name) is { } missing)
            return missing;
        return error.Message;
    }

    /// <summary>The options of the verb parsed, and those every verb takes.</summary>
    private static HashSet<string> Known(ParseResult parse)
    {
        var options = parse.CommandResult.Command.Options.Concat(parse.RootCommandResult.Command.Options.Where(o => o.Recursive));
        return options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
    }
}
