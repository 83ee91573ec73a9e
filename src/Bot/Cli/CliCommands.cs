using System.CommandLine;

namespace Bot.Cli;

/// <summary>
/// The executable's verbs as System.CommandLine commands: their words, options, help text and
/// what each runs. Every verb writes to the given writers, so tests run the command line in process.
/// </summary>
internal sealed class CliCommands
{
    private readonly CliOptions _options = new();
    private readonly Argument<string[]> _question = Words("QUESTION", "The question; quotes are optional");
    private readonly Argument<string[]> _files = Words("FILE.jsonl", "Question set files (the format of shared/eval/dev-questions.jsonl)");

    // The console takes none, but says so in its own words ("type the question after starting it").
    private readonly Argument<string[]> _stray = new("WORDS") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };

    public CliCommands(TextReader input, TextWriter output, TextWriter error)
    {
        Root = new RootCommand("Beyond Utopia community bot: answers questions about the documentary from the knowledge folder, on Discord or here.");
        foreach (var option in new Option[] { _options.Knowledge, _options.Data, _options.Json, _options.Mode })
            Root.Options.Add(option);
        Root.SetAction((parse, _) => RunVerb.Run(_options.Read(parse, []), error));

        Add("ask", "Answer one question: the sentence, the passage, the source. Without a question, answers one per line of standard input, as typed or as a question set's JSON records (with --json: JSON lines)",
            _question, args => BotCommandLine.WithKnowledge(args, error, engine => AskVerb.Run(args, engine, input, output)));
        Add("console", "Try the slash commands here: type /ask QUESTION, /help, …; a number presses a button, Tab lists suggestions, exit or Ctrl+D leaves",
            _stray, args => ConsoleVerb.Run(args, input, output, error));
        var eval = Add("eval", "Score a question set (answer accuracy, hit@1, MRR@5, abstention); with --folds K, per set and pooled, in-sample and cross-validated",
            _files, args => BotCommandLine.WithKnowledge(args, error, engine => EvalVerb.Run(args, engine, output)));
        eval.Options.Add(_options.Folds);
        var fit = Add("fit", $"Fit the answer scorer on question sets, print its cross-validated figures and write {FitVerb.ModelPath}",
            _files, args => BotCommandLine.WithKnowledge(args, error, engine => FitVerb.Run(args, engine, output)));
        fit.Options.Add(_options.Folds);
        fit.Options.Add(_options.Out);
        Add("explain", "Every candidate answer sentence with its score and features, best first",
            _question, args => BotCommandLine.WithKnowledge(args, error, engine => ExplainVerb.Run(args, engine, output)));
        Add("run", "Run the bot on Discord until stopped (the default; needs Discord__Token and Discord__ApplicationId, see the README)",
            null, args => RunVerb.Run(args, error));
        var register = Add("register-commands", "Put the slash commands on Discord and print what changed",
            null, args => RegisterCommandsVerb.Run(args, output, error));
        register.Options.Add(_options.Guild);
    }

    public RootCommand Root { get; }

    private Command Add(string name, string description, Argument<string[]>? words, Func<CliArguments, Task<int>> run)
    {
        var command = new Command(name, description);
        if (words is not null)
            command.Arguments.Add(words);
        command.SetAction((parse, _) => run(_options.Read(parse, words is null ? [] : parse.GetValue(words) ?? [])));
        Root.Subcommands.Add(command);
        return command;
    }

    private static Argument<string[]> Words(string name, string description) =>
        new(name) { Arity = ArgumentArity.ZeroOrMore, Description = description };
}
