using Bot.Cli;

namespace Bot.Tests.LocalConsole;

/// <summary>The <c>console</c> verb driven in process with typed lines, the real commands and the shipped knowledge.</summary>
public sealed class ConsoleTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    private Task<CommandLineRun> Type(params string[] lines) =>
        CommandLineRun.Start(string.Join('\n', lines) + "\n", "console", "--knowledge", TestPaths.ShippedKnowledge, "--data", _data.FullPath);

    /// <summary>What the console printed after saying it is ready.</summary>
    private static string AfterReady(CommandLineRun run)
    {
        var ready = run.Output.IndexOf("Ready: ", StringComparison.Ordinal);
        Assert.True(ready >= 0, $"The console never said it was ready:\n{run.Output}\n{run.Error}");
        var end = run.Output.IndexOf('\n', ready);
        return run.Output[(end + 1)..];
    }

    /// <summary>The answer sentence the <c>ask</c> verb prints for <paramref name="question"/>: what the knowledge says, however it ranks today.</summary>
    private async Task<string> KnowledgeSentence(string question)
    {
        var ask = await CommandLineRun.Start(null, "ask", "--knowledge", TestPaths.ShippedKnowledge, "--data", _data.FullPath, question);
        Assert.Equal(0, ask.ExitCode);
        return ask.OutputLines[0];
    }

    [Fact]
    public async Task Says_it_is_starting_then_ready_naming_the_knowledge_folder_and_leaves_at_end_of_input()
    {
        var run = await Type();

        Assert.Equal(0, run.ExitCode);
        var lines = run.OutputLines;
        Assert.StartsWith("Starting", lines[0]);
        Assert.StartsWith($"Ready: answering from {TestPaths.ShippedKnowledge}.", lines[1]);
        Assert.Contains("/help", lines[1]);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public async Task Ask_answers_with_the_knowledge_sentence_passage_in_markdown_bold_and_source()
    {
        var run = await Type("/ask who is pastor kim");

        Assert.Equal(0, run.ExitCode);
        var reply = AfterReady(run);
        Assert.StartsWith("> who is pastor kim\n│ " + await KnowledgeSentence("who is pastor kim") + "\n", reply);
        Assert.Contains("**Pastor Kim**", reply); // standard output is not a terminal: Markdown as Discord gets it
        Assert.DoesNotContain("\u001b", reply, StringComparison.Ordinal);
        Assert.Contains("│ Source: Meet Pastor Kim Saving North Korean Defectors", reply);
    }

    [Fact]
    public async Task Named_options_in_any_order_and_true_false_reach_the_command()
    {
        var run = await Type(
            "/ask private:true question:Who directed Beyond Utopia?",
            "/ask Who directed Beyond Utopia? private:false",
            "/ASK question:\"Who directed Beyond Utopia?\"");

        var replies = AfterReady(run).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, replies.Length);
        Assert.All(replies, r => Assert.Contains("Madeleine Gavin", r));
        Assert.EndsWith("(only you would see this on Discord)", replies[0]);
        Assert.DoesNotContain("only you", replies[1]);
        Assert.DoesNotContain("only you", replies[2]);
    }

    [Fact]
    public async Task Help_lists_every_command_from_the_catalog()
    {
        var run = await Type("/help");

        var reply = AfterReady(run);
        Assert.Contains("│ Commands", reply);
        Assert.Contains("│ `/ask question [private]`", reply);
        Assert.Contains("│ `/help`", reply);
        Assert.Contains("(only you would see this on Discord)", reply);
    }

    [Fact]
    public async Task Unknown_command_and_text_without_a_slash_get_a_one_line_hint_and_the_console_goes_on()
    {
        var run = await Type("/weather in Seoul", "who is pastor kim", "/ask who is pastor kim");

        var lines = AfterReady(run).Split('\n');
        Assert.StartsWith("There is no /weather command. Try /", lines[0]);
        Assert.Contains("/ask", lines[0]);
        Assert.Contains("/help", lines[0]);
        Assert.StartsWith("Commands start with /, e.g. /ask", lines[1]);
        Assert.Equal("> who is pastor kim", lines[2]);
    }

    [Fact]
    public async Task Problems_with_options_are_one_line_each()
    {
        var run = await Type("/ask", "/ask private:maybe question:who is kim", "/help me", "/ask question:a question:b", "7");

        Assert.Equal(
            [
                "/ask needs question (What you want to know), e.g. /ask …",
                "private takes true or false, not 'maybe'.",
                "/help takes no options.",
                "question is given twice.",
                "The last message has no buttons to press.",
            ],
            AfterReady(run).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_6000_character_line_is_refused_as_discord_would_and_the_next_question_is_answered()
    {
        var run = await Type("/ask " + new string('a', 6000), "/ask who is pastor kim");

        Assert.Equal(0, run.ExitCode);
        var lines = AfterReady(run).Split('\n');
        Assert.Equal("question takes up to 300 characters; that was 6000. (Discord would not send it either.)", lines[0]);
        Assert.Equal("> who is pastor kim", lines[1]);
    }

    [Fact]
    public async Task Mentions_in_a_question_are_shown_broken_so_they_would_ping_nobody()
    {
        var run = await Type("/ask who is pastor kim? @here");

        var reply = AfterReady(run);
        Assert.StartsWith("> who is pastor kim? @\u200Bhere\n", reply);
        Assert.Contains("│ Source: ", reply);
    }

    [Fact]
    public async Task Ask_lists_its_buttons_and_typing_1_shows_more_passages()
    {
        var run = await Type("/ask who is pastor kim", "1");

        var replies = AfterReady(run).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("\n[1] More passages", replies[0]);
        Assert.Contains("│ More passages", replies[1]);
        Assert.Contains("│ 2. Meet Pastor Kim", replies[1]);
        Assert.Contains("(only you would see this on Discord)", replies[1]);
    }

    [Fact]
    public async Task A_private_answer_has_a_share_button_that_posts_it_for_everyone()
    {
        var run = await Type("/ask who directed Beyond Utopia? private:true", "2");

        var replies = AfterReady(run).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("[1] More passages  [2] Share", replies[0]);
        Assert.Contains("Madeleine Gavin", replies[1]);
        Assert.DoesNotContain("only you", replies[1]);
    }

    [Fact]
    public async Task A_question_mark_after_a_topic_lists_the_knowledge_topics_that_match()
    {
        var run = await Type("/about mad?", "/about topic:caleb?");

        var lines = AfterReady(run).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Suggestions for topic:", "  Madeleine Gavin", "Suggestions for topic:", "  Caleb Mission"], lines);
    }

    [Fact]
    public async Task Many_questions_in_a_row_are_not_held_back_by_the_member_cooldown()
    {
        var run = await Type(Enumerable.Repeat("/ask who is pastor kim", 8).ToArray());

        Assert.Equal(8, AfterReady(run).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Count(r => r.Contains("│ Source: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Unanswered_questions_are_counted_in_the_state_database_with_no_guild()
    {
        await Type("/ask What is the weather in Seoul tomorrow?", "/ask what is the weather in seoul tomorrow");

        using var database = new Bot.State.StateDatabase(Microsoft.Extensions.Options.Options.Create(new Bot.State.StateOptions { DataFolder = _data.FullPath }));
        var store = new Bot.State.Unanswered.UnansweredQuestionStore(database, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Bot.State.Unanswered.UnansweredQuestionStore>.Instance);
        var question = Assert.Single(await store.TopUnansweredAsync(guildId: null, limit: 10));
        Assert.Equal(("What is the weather in Seoul tomorrow?", 2L), (question.Question, question.Count));
    }

    [Fact]
    public async Task Exit_and_quit_end_the_session_and_later_lines_are_not_run()
    {
        var exit = await Type("/ask who is pastor kim", "exit", "/ask who directed Beyond Utopia?");
        var quit = await Type("QUIT", "/ask who is pastor kim");

        Assert.Equal(0, exit.ExitCode);
        Assert.DoesNotContain("Madeleine Gavin,", AfterReady(exit).Split("\n\n")[1]);
        Assert.Equal("", AfterReady(quit));
    }

    [Fact]
    public async Task A_broken_state_database_stops_the_console_before_it_is_ready_naming_the_file()
    {
        Directory.CreateDirectory(_data.FullPath);
        var database = _data.Combine("bot.db");
        await File.WriteAllTextAsync(database, new string('x', 4096));

        var run = await Type("/ask who is pastor kim");

        Assert.Equal(BotCommandLine.UsageError, run.ExitCode);
        Assert.DoesNotContain("Ready", run.Output);
        var last = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.StartsWith($"error: The state database {database} is not a SQLite database or is damaged", last);
    }

    [Fact]
    public async Task Words_after_the_verb_are_refused_with_what_to_do_instead()
    {
        var run = await CommandLineRun.Start(null, "console", "who is pastor kim", "--knowledge", TestPaths.ShippedKnowledge, "--data", _data.FullPath);

        Assert.Equal(BotCommandLine.UsageError, run.ExitCode);
        Assert.StartsWith("error: console takes no question", run.Error);
    }
}
