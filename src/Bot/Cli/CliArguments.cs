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
        var words = new List<string>();
        string? knowledge = null, data = null;
        RetrievalMode? mode = null;
        ulong? guild = null;
        int? folds = null;
        string? output = null;
        var json = false;
        var verb = "";
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--json":
                    json = true;
                    break;
                case "--knowledge":
                    knowledge = Value(args, ref i, arg);
                    break;
                case "--data":
                    data = Value(args, ref i, arg);
                    break;
                case "--mode":
                    mode = ParseMode(i + 1 < args.Count ? args[++i] : "");
                    break;
                case "--guild":
                    guild = ParseGuild(i + 1 < args.Count ? args[++i] : "");
                    break;
                case "--folds":
                    folds = ParseFolds(i + 1 < args.Count ? args[++i] : "");
                    break;
                case "--out":
                    output = i + 1 < args.Count && !string.IsNullOrWhiteSpace(args[i + 1]) ? args[++i] : throw new CliException("--out needs a file, e.g. --out answer-model.json");
                    break;
                case "--":
                    words.AddRange(args.Skip(i + 1));
                    i = args.Count;
                    break;
                case "-h" or "--help":
                    verb = "help";
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('='))
                    {
                        var (name, value) = (arg[..arg.IndexOf('=')], arg[(arg.IndexOf('=') + 1)..]);
                        if (name == "--knowledge") { knowledge = value; break; }
                        if (name == "--data") { data = value; break; }
                        if (name == "--mode") { mode = ParseMode(value); break; }
                        if (name == "--guild") { guild = ParseGuild(value); break; }
                        if (name == "--folds") { folds = ParseFolds(value); break; }
                        if (name == "--out") { output = value; break; }
                    }

                    if (arg.StartsWith("--", StringComparison.Ordinal))
                        throw new CliException($"unknown option '{arg}'; run 'help' for the options");
                    if (verb.Length == 0)
                        verb = arg;
                    else
                        words.Add(arg);
                    break;
            }
        }

        return new CliArguments(verb, words, json, knowledge, data, mode, guild) { Folds = folds, Out = output };
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

    private static string Value(IReadOnlyList<string> args, ref int i, string name)
    {
        if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
            throw new CliException($"{name} needs a folder, e.g. {name} ./{name.TrimStart('-')}");
        return args[++i];
    }
}

/// <summary>A problem with what the user typed or pointed us at: one line, exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);
