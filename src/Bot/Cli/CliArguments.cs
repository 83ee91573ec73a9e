using Bot.Knowledge.Answering;

namespace Bot.Cli;

/// <summary>The parsed command line: a verb, its positional words, and the options every verb shares.</summary>
internal sealed record CliArguments(string Verb, IReadOnlyList<string> Words, bool Json, string? Knowledge, string? Data, RetrievalMode? Mode = null, ulong? Guild = null)
{
    /// <summary><c>--folds K</c>: cross-validate with K folds (eval, fit).</summary>
    public int? Folds { get; init; }

    /// <summary><c>--out FILE</c>: where <c>fit</c> writes the model.</summary>
    public string? Out { get; init; }

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new Parsed();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                parsed.Words.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg is "-h" or "--help")
                parsed.Verb = "help";
            else if (arg == "--json")
                parsed.Json = true;
            else if (arg.StartsWith("--", StringComparison.Ordinal))
                i = ReadOption(args, i, parsed);
            else if (parsed.Verb.Length == 0)
                parsed.Verb = arg;
            else
                parsed.Words.Add(arg);
        }

        return new CliArguments(parsed.Verb, parsed.Words, parsed.Json, parsed.Knowledge, parsed.Data, parsed.Mode, parsed.Guild) { Folds = parsed.Folds, Out = parsed.Out };
    }

    /// <summary>
    /// An option with a value, as <c>--name value</c> or <c>--name=value</c>. Given separately, a
    /// folder or file may not be blank (it is likely a missing argument); given with '=', it is taken as written.
    /// </summary>
    /// <returns>The index of the last argument read.</returns>
    private static int ReadOption(IReadOnlyList<string> args, int at, Parsed parsed)
    {
        var i = at;
        var arg = args[i];
        var equals = arg.IndexOf('=');
        var name = equals > 0 ? arg[..equals] : arg;
        string? inline = equals > 0 ? arg[(equals + 1)..] : null;
        string Next() => i + 1 < args.Count ? args[++i] : "";
        string Path(string what, string example)
        {
            if (inline is not null)
                return inline;
            if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
                throw new CliException($"{name} needs {what}, e.g. {example}");
            return args[++i];
        }

        switch (name)
        {
            case "--knowledge" or "--data":
                var folder = Path("a folder", $"{name} ./{name.TrimStart('-')}");
                if (name == "--knowledge")
                    parsed.Knowledge = folder;
                else
                    parsed.Data = folder;
                break;
            case "--out":
                parsed.Out = Path("a file", "--out answer-model.json");
                break;
            case "--mode":
                parsed.Mode = ParseMode(inline ?? Next());
                break;
            case "--guild":
                parsed.Guild = ParseGuild(inline ?? Next());
                break;
            case "--folds":
                parsed.Folds = ParseFolds(inline ?? Next());
                break;
            default:
                throw new CliException($"unknown option '{arg}'; run 'help' for the options");
        }

        return i;
    }

    private static RetrievalMode ParseMode(string value) => value.ToLowerInvariant() switch
    {
        "lexical" => RetrievalMode.Lexical,
        "semantic" => RetrievalMode.Semantic,
        "hybrid" => RetrievalMode.Hybrid,
        _ => throw new CliException($"--mode must be lexical, semantic or hybrid, not '{value}'"),
    };

    private static int ParseFolds(string value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k) && k is >= 2 and <= 50
            ? k
            : throw new CliException($"--folds needs a number of folds from 2 to 50, not '{value}'");

    private static ulong ParseGuild(string value) =>
        ulong.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new CliException($"--guild needs a server id (a number: right-click the server with Developer Mode on → Copy Server ID), not '{value}'");

    /// <summary>What has been read so far.</summary>
    private sealed class Parsed
    {
        public string Verb { get; set; } = "";

        public List<string> Words { get; } = [];

        public bool Json { get; set; }

        public string? Knowledge { get; set; }

        public string? Data { get; set; }

        public RetrievalMode? Mode { get; set; }

        public ulong? Guild { get; set; }

        public int? Folds { get; set; }

        public string? Out { get; set; }
    }
}

/// <summary>A problem with what the user typed or pointed us at: one line, exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);
