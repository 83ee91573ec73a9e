using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Bot.Knowledge.Answering;

namespace Bot.Cli;

/// <summary>
/// The command line's options. Each parser states its own problem in the words the README uses
/// (<c>--data needs a folder, e.g. --data ./data</c>), so a mistake reads the same whichever verb it was made on.
/// </summary>
internal sealed class CliOptions
{
    public Option<string?> Knowledge { get; } = Path("--knowledge", "DIR", "a folder", "--knowledge ./knowledge",
        "The knowledge folder (default: the nearest 'knowledge/' folder above the working directory, else above the executable)");

    public Option<string?> Data { get; } = Path("--data", "DIR", "a folder", "--data ./data", "Where the index and the state database are kept (default: ./data)");

    public Option<bool> Json { get; } = new("--json") { Recursive = true, Description = "JSON lines instead of text (ask, eval, explain)" };

    public Option<RetrievalMode?> Mode { get; } = new("--mode")
    {
        Recursive = true,
        HelpName = "lexical|semantic|hybrid",
        Description = "How answers are found (default: hybrid, or lexical when Knowledge:Semantic is off)",
        CustomParser = ParseMode,
    };

    public Option<int?> Folds { get; } = new("--folds")
    {
        HelpName = "K",
        Description = "Cross-validate with K folds (2 to 50)",
        CustomParser = result => Number(result, "--folds", k => k is >= 2 and <= 50, "a number of folds from 2 to 50", int.Parse),
    };

    public Option<string?> Out { get; } = Path("--out", "FILE", "a file", "--out answer-model.json", "Where the fitted model is written (default: " + FitVerb.ModelPath + ")", recursive: false);

    public Option<ulong?> Guild { get; } = new("--guild")
    {
        HelpName = "ID",
        Description = "Register in this server only (changes show at once); globally otherwise",
        CustomParser = result => Number(result, "--guild", id => id > 0,
            "a server id (a number: right-click the server with Developer Mode on → Copy Server ID)", ulong.Parse),
    };

    /// <summary>What each option that takes a value says when it is given none (<c>ask who? --data</c>).</summary>
    private static readonly Dictionary<string, string> Missing = new(StringComparer.Ordinal)
    {
        ["--knowledge"] = "--knowledge needs a folder, e.g. --knowledge ./knowledge",
        ["--data"] = "--data needs a folder, e.g. --data ./data",
        ["--out"] = "--out needs a file, e.g. --out answer-model.json",
        ["--mode"] = "--mode needs lexical, semantic or hybrid, e.g. --mode lexical",
        ["--folds"] = "--folds needs a number of folds from 2 to 50, e.g. --folds 5",
        ["--guild"] = "--guild needs a server id, e.g. --guild 123456789012345678",
    };

    /// <summary>What <paramref name="option"/> says when given no value; null for a switch such as <c>--json</c>.</summary>
    public static string? MissingValue(string option) => Missing.GetValueOrDefault(option);

    public CliOptions()
    {
        // The parser is ours, so the shell completion needs the values spelled out.
        Mode.CompletionSources.Clear();
        Mode.CompletionSources.Add("lexical", "semantic", "hybrid");
    }

    /// <summary>The verbs' view of a parse: its words and every option's value.</summary>
    public CliArguments Read(ParseResult parse, IReadOnlyList<string> words) =>
        new(words, parse.GetValue(Json), parse.GetValue(Knowledge), parse.GetValue(Data), parse.GetValue(Mode), parse.GetValue(Guild))
        {
            Folds = parse.GetValue(Folds),
            Out = parse.GetValue(Out),
        };

    /// <summary>A folder or file: never blank, which is more likely a missing argument than a name.</summary>
    private static Option<string?> Path(string name, string helpName, string what, string example, string description, bool recursive = true) => new(name)
    {
        Recursive = recursive,
        HelpName = helpName,
        Description = description,
        CustomParser = result =>
        {
            var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (!string.IsNullOrWhiteSpace(value))
                return value;
            result.AddError($"{name} needs {what}, e.g. {example}");
            return null;
        },
    };

    private static RetrievalMode? ParseMode(ArgumentResult result)
    {
        var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        switch (value.ToLowerInvariant())
        {
            case "lexical": return RetrievalMode.Lexical;
            case "semantic": return RetrievalMode.Semantic;
            case "hybrid": return RetrievalMode.Hybrid;
            default:
                result.AddError($"--mode must be lexical, semantic or hybrid, not '{value}'");
                return null;
        }
    }

    private static T? Number<T>(ArgumentResult result, string name, Func<T, bool> allowed, string what, Func<string, NumberStyles, IFormatProvider, T> parse)
        where T : struct
    {
        var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        try
        {
            var number = parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
            if (allowed(number))
                return number;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            // Told below, in the same words as an out-of-range number.
        }

        result.AddError($"{name} needs {what}, not '{value}'");
        return null;
    }
}
