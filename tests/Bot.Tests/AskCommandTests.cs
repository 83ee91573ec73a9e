using System.Text.Json;

namespace Bot.Tests;

public sealed class AskCommandTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    private Task<CommandLineRun> Ask(string? input, params string[] args) =>
        CommandLineRun.Start(input, ["ask", "--knowledge", TestPaths.ShippedKnowledge, "--data", _data.FullPath, .. args]);

    [Fact]
    public async Task Readme_question_prints_the_director_with_bold_matches_and_the_source()
    {
        var run = await Ask(null, "Who directed Beyond Utopia?");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Contains("Madeleine Gavin", lines[0]);
        Assert.Contains("**", run.Output);
        Assert.Contains("**director**", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Source: Meet Pastor Kim Saving North Korean Defectors > Behind the Scenes with the Director", run.Output);
    }

    [Fact]
    public async Task Question_words_given_unquoted_are_one_question()
    {
        var run = await Ask(null, "who", "runs", "caleb", "mission");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("He runs Caleb Mission", run.Output.Split('\n')[0]);
    }

    [Fact]
    public async Task A_question_starting_with_at_is_asked_not_read_as_a_file_of_arguments()
    {
        var file = Path.Combine(_data.FullPath, "args.rsp");
        File.WriteAllText(file, "--colour");

        var run = await Ask(null, "--json", "@" + file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("@" + file, JsonDocument.Parse(run.OutputLines.Single()).RootElement.GetProperty("question").GetString());
    }

    [Fact]
    public async Task Words_after_a_double_dash_are_the_question_even_when_they_look_like_options()
    {
        var run = await Ask(null, "--json", "--", "--colour", "of", "the", "river?");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("--colour of the river?", JsonDocument.Parse(run.OutputLines.Single()).RootElement.GetProperty("question").GetString());
    }

    [Theory]
    [InlineData("What is the weather in Seoul tomorrow?", "I don't know")] // the knowledge does not answer it
    [InlineData("🍿?", "There is no question there to answer")] // nothing to ask: the hint, not an answer
    public async Task A_message_the_bot_cannot_answer_says_why_without_a_source(string message, string says)
    {
        var run = await Ask(null, message);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(says, run.Output);
        Assert.DoesNotContain("Source:", run.Output);
    }

    [Fact]
    public async Task Json_mode_answers_each_line_of_standard_input_with_one_json_object()
    {
        var run = await Ask("Who is the director of Beyond Utopia?\n\nWhat is 2+2?\nHow many defectors has Caleb Mission helped?\n", "--json");

        Assert.Equal(0, run.ExitCode);
        var lines = run.OutputLines;
        Assert.Equal(3, lines.Length); // the blank line is not a question
        var answers = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();

        Assert.Equal("Who is the director of Beyond Utopia?", answers[0].GetProperty("question").GetString());
        Assert.True(answers[0].GetProperty("answered").GetBoolean());
        Assert.Contains("Madeleine Gavin", answers[0].GetProperty("answer").GetString());
        var passages = answers[0].GetProperty("passages");
        Assert.InRange(passages.GetArrayLength(), 1, 5);
        var first = passages[0];
        Assert.Contains("Madeleine Gavin", first.GetProperty("text").GetString());
        Assert.Equal("Meet Pastor Kim Saving North Korean Defectors", first.GetProperty("source").GetString());
        Assert.Equal("Behind the Scenes with the Director", first.GetProperty("section").GetString());
        Assert.True(first.GetProperty("score").GetDouble() > 0);

        Assert.False(answers[1].GetProperty("answered").GetBoolean());
        Assert.Equal(0, answers[1].GetProperty("passages").GetArrayLength());

        Assert.Contains("1,000", answers[2].GetProperty("answer").GetString());
    }

    [Fact]
    public async Task A_question_set_piped_in_as_it_is_answers_each_record_with_its_id_and_its_own_words()
    {
        // Records as the shared question sets hold them: an escaped quote and a \u escape, which text tools
        // extracting the "question" field would cut or leave escaped, and a number for an id.
        var set = string.Join('\n',
            """{"id": "x1", "question": "What does \"Caleb Mission\" do?", "expect": [], "kind": "in"}""",
            """{"id": 7, "question": "Who directed Beyond Utopia\u003F"}""",
            "{curious} who is the pastor's wife?",
            """{"id": "x3", "question": "   "}""");

        var run = await Ask(set, "--json");

        Assert.Equal(0, run.ExitCode);
        var answers = run.OutputLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(3, answers.Length); // the record with an empty question asks nothing
        Assert.Equal("x1", answers[0].GetProperty("id").GetString());
        Assert.Equal("What does \"Caleb Mission\" do?", answers[0].GetProperty("question").GetString());
        Assert.Equal("7", answers[1].GetProperty("id").GetString());
        Assert.Equal("Who directed Beyond Utopia?", answers[1].GetProperty("question").GetString());
        Assert.Contains("Madeleine Gavin", answers[1].GetProperty("answer").GetString());

        // Braces that are not a record are part of the question, and such a line has no id.
        Assert.Equal("{curious} who is the pastor's wife?", answers[2].GetProperty("question").GetString());
        Assert.False(answers[2].TryGetProperty("id", out _));
    }

    [Fact]
    public async Task Json_output_keeps_curly_quotes_readable()
    {
        var run = await Ask(null, "--json", "Is Gavin religious?");

        Assert.Contains("isn’t religious", run.Output);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_question_is_a_one_line_error_with_exit_code_2(string question)
    {
        var run = await Ask(null, question);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith("error: the question is empty", run.Error);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task No_question_on_standard_input_is_a_one_line_error()
    {
        var run = await Ask("\n\n", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: no question given", run.Error);
    }

    [Fact]
    public async Task Missing_knowledge_folder_names_the_folder_and_exits_2()
    {
        var missing = _data.Combine("no-such-knowledge");
        var run = await CommandLineRun.Start(null, "ask", "--knowledge", missing, "--data", _data.FullPath, "Who directed it?");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.Error);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", run.Error); // no stack trace
    }

    [Fact]
    public async Task Broken_knowledge_file_is_skipped_and_the_rest_still_answers()
    {
        using var knowledge = new TempFolder();
        File.Copy(Path.Combine(TestPaths.ShippedKnowledge, "beyond-utopia-article.md"), knowledge.Combine("article.md"));
        File.WriteAllBytes(knowledge.Combine("broken.md"), [0x23, 0x20, 0xC3, 0x28, 0x0A]); // invalid UTF-8

        var run = await CommandLineRun.Start(null, "ask", "--knowledge", knowledge.FullPath, "--data", _data.FullPath, "Who is the director of Beyond Utopia?");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Madeleine Gavin", run.Output);
    }

    [Fact]
    public async Task Second_run_reuses_the_index_in_the_data_folder()
    {
        var first = await Ask(null, "Who is Pastor Kim's wife?");
        var indexFiles = Directory.GetFiles(Path.Combine(_data.FullPath, "index"));
        var second = await Ask(null, "Who is Pastor Kim's wife?");

        Assert.NotEmpty(indexFiles);
        Assert.Equal(first.Output, second.Output);
        Assert.Contains("army commander", second.Output);
    }
}

public sealed class RetrievalModeOptionTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData("lexical", "Who is the director of Beyond Utopia?", "Madeleine Gavin")]
    [InlineData("hybrid", "Who is the director of Beyond Utopia?", "Madeleine Gavin")]
    [InlineData("semantic", "Is the director religious?", "isn’t religious")]
    public async Task Each_mode_answers_from_the_passage_that_holds_the_answer(string mode, string question, string expected)
    {
        var run = await CommandLineRun.Start(null, "ask", "--mode", mode, "--knowledge", TestPaths.ShippedKnowledge, "--data", _data.FullPath, "--json", question);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, System.Text.Json.JsonDocument.Parse(run.Output).RootElement.GetProperty("passages")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Unknown_mode_is_a_one_line_error()
    {
        var run = await CommandLineRun.Start(null, "ask", "--mode", "psychic", "who?");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --mode must be lexical, semantic or hybrid, not 'psychic'", run.Error.Trim());
    }

    [Fact]
    public async Task Paraphrase_is_answered_in_hybrid_mode_and_not_by_words_alone()
    {
        const string question = "Does the filmmaker share the pastor's faith?";
        var hybrid = await CommandLineRun.Start(null, "ask", "--mode", "hybrid", "--knowledge", TestPaths.ShippedKnowledge, "--data", _data.FullPath, question);
        var lexical = await CommandLineRun.Start(null, "ask", "--mode", "lexical", "--knowledge", TestPaths.ShippedKnowledge, "--data", _data.FullPath, question);

        Assert.Contains("isn’t religious", hybrid.Output.Split('\n')[0]);
        Assert.Contains("I don't know", lexical.Output);
    }

    [Fact]
    public async Task Eval_compares_modes_on_the_same_questions()
    {
        // Our own community-style set, never fitted on: meaning answers what words alone cannot.
        var hybrid = await CommandLineRun.Start(null, "eval", TestPaths.FreshCommunityQuestions, "--mode", "hybrid", "--json", "--knowledge", TestPaths.ShippedKnowledge, "--data", _data.FullPath);
        var lexical = await CommandLineRun.Start(null, "eval", TestPaths.FreshCommunityQuestions, "--mode", "lexical", "--json", "--knowledge", TestPaths.ShippedKnowledge, "--data", _data.FullPath);

        var h = System.Text.Json.JsonDocument.Parse(hybrid.Output).RootElement;
        var l = System.Text.Json.JsonDocument.Parse(lexical.Output).RootElement;
        Assert.Equal(95, h.GetProperty("in_scope").GetInt32());
        Assert.True(h.GetProperty("answer_accuracy").GetDouble() > l.GetProperty("answer_accuracy").GetDouble() + 0.1, $"hybrid {hybrid.Output}\nlexical {lexical.Output}");
        Assert.True(h.GetProperty("median_answer_chars").GetDouble() <= 300, hybrid.Output);
    }
}
