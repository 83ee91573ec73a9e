using Bot.Cli.LocalConsole;
using Bot.Commands;
using Bot.Commands.Ask;
using Bot.Commands.Definitions;
using Bot.Commands.Help;
using Bot.Commands.Replies;

namespace Bot.Tests.LocalConsole;

/// <summary>How a typed line becomes a command and its options, by the command's own definition.</summary>
public sealed class ConsoleLineTests
{
    private static readonly CommandCatalog Catalog = new([new AskCommand(), new HelpCommand(() => []), new CountCommand()]);

    private static CommandOptions Options(string line)
    {
        var parsed = ConsoleLine.Split(line, Catalog, out var problem);
        Assert.True(parsed is not null, problem);
        var options = parsed.ToOptions(out problem);
        Assert.True(options is not null, problem);
        return options;
    }

    private static string Problem(string line)
    {
        var parsed = ConsoleLine.Split(line, Catalog, out var problem);
        if (parsed is not null)
            Assert.Null(parsed.ToOptions(out problem));
        return problem!;
    }

    [Theory]
    [InlineData("/ask who is pastor kim", "who is pastor kim", null)]
    [InlineData("  /ask   who is pastor kim  ", "who is pastor kim", null)]
    [InlineData("/ask question:who is pastor kim", "who is pastor kim", null)]
    [InlineData("/ask private:true question:who is pastor kim", "who is pastor kim", true)]
    [InlineData("/ask who is pastor kim private:FALSE", "who is pastor kim", false)]
    [InlineData("/ask question:\"who: is kim\" private:true", "who: is kim", true)]
    [InlineData("/ask note: who is kim", "note: who is kim", null)] // not an option name: part of the question
    [InlineData("/ask what does private mean", "what does private mean", null)]
    public void Text_before_any_prefix_goes_to_the_first_required_text_option(string line, string question, bool? isPrivate)
    {
        var options = Options(line);

        Assert.Equal(question, options.GetString("question"));
        Assert.Equal(isPrivate, options.GetBoolean("private"));
    }

    [Fact]
    public void Whole_numbers_and_mentions_are_read_by_their_kind()
    {
        var options = Options("/count n:-12 member:<@!42>");

        Assert.Equal(-12, options.GetInteger("n"));
        Assert.Equal("42", options.GetString("member"));
    }

    [Theory]
    [InlineData("/count n:twelve", "n takes a whole number, not 'twelve'.")]
    [InlineData("/count text", "/count takes n:a whole number, member:a member id; write them as name:value.")]
    [InlineData("/help now", "/help takes no options.")]
    [InlineData("/ask private:yes question:x", "private takes true or false, not 'yes'.")]
    [InlineData("/ask what does private:true mean", "private takes true or false, not 'true mean'.")]
    [InlineData("/ask private:true", "/ask needs question (What you want to know), e.g. /ask …")]
    [InlineData("/ask question:", "/ask needs question (What you want to know), e.g. /ask …")]
    [InlineData("/", "Type a command after /: /ask, /count, /help.")]
    [InlineData("/asks x", "There is no /asks command. Try /ask, /count, /help.")]
    [InlineData("ask x", "Commands start with /, e.g. /ask who directed Beyond Utopia? Type /help to list them.")]
    public void Problems_are_one_line_saying_what_to_type(string line, string problem) =>
        Assert.Equal(problem, Problem(line));

    [Fact]
    public void Text_longer_than_the_option_allows_is_refused_counting_emoji_as_one()
    {
        Assert.Equal("👍👍", Options("/ask " + string.Concat(Enumerable.Repeat("👍", 2))).GetString("question"));
        Assert.Equal(300, Options("/ask " + string.Concat(Enumerable.Repeat("👍", 300))).GetString("question")!.EnumerateRunes().Count());
        Assert.Equal("question takes up to 300 characters; that was 301. (Discord would not send it either.)", Problem("/ask " + new string('a', 301)));
    }

    [Fact]
    public void A_command_name_with_an_escape_sequence_is_shown_harmless()
    {
        Assert.Equal("There is no /x␛[2J command. Try /ask, /count, /help.", Problem("/x\u001b[2J"));
    }

    private sealed class CountCommand : ICommand
    {
        public CommandDefinition Definition { get; } = new("count", "Counts")
        {
            Options = [new("n", "A number", OptionKind.Integer), new("member", "Someone", OptionKind.User)],
        };

        public ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) => ValueTask.FromResult(Reply.Text("ok"));
    }
}
