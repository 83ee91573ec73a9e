namespace Bot.Tests.LocalConsole;

/// <summary>
/// The moderator and watch-party commands on the console, in process, with the shipped knowledge
/// and a real state database: no Discord, so pins and events say they did not happen, while
/// everything else works as on Discord.
/// </summary>
public sealed class ConsoleHostCommandsTests : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    private async Task<string> Type(params string[] lines)
    {
        var run = await CommandLineRun.Start(string.Join('\n', lines) + "\n", "console", "--knowledge", TestPaths.ShippedKnowledge, "--data", _data.FullPath);
        Assert.Equal(0, run.ExitCode);
        var ready = run.Output.IndexOf("Ready: ", StringComparison.Ordinal);
        Assert.True(ready >= 0, $"The console never said it was ready:\n{run.Output}\n{run.Error}");
        return run.Output[(run.Output.IndexOf('\n', ready) + 1)..].ReplaceLineEndings("\n");
    }

    [Fact]
    public async Task Summary_with_pin_shows_the_summary_then_says_nothing_was_pinned()
    {
        var shown = await Type("/summary pin:true");

        Assert.Contains("│ Summary of the knowledge", shown);
        Assert.Contains("│ **1.** ", shown);
        Assert.Contains("│ Sources", shown);
        Assert.Contains("(console: no Discord, nothing was pinned)", shown);
    }

    [Fact]
    public async Task The_pin_button_of_a_summary_says_nothing_was_pinned()
    {
        var shown = await Type("/summary topic:Pastor Kim", "1");

        Assert.Contains("[1] Pin", shown);
        Assert.EndsWith("(console: no Discord, nothing was pinned)\n(only you would see this on Discord)\n\n", shown);
    }

    [Fact]
    public async Task Schedule_shows_the_times_and_says_the_event_was_not_created()
    {
        var shown = await Type("/watchparty schedule in 2h timezone:Europe/Paris title:Film night");

        Assert.StartsWith("(console: no Discord, the event was not created)\n│ Film night\n", shown);
        Assert.Matches(@"\*\*Starts\*\* <t:\d+:F> \(<t:\d+:R>\)", shown);
        Assert.Contains("Planned for 2 hours: the knowledge doesn't state the film's running time.", shown);
    }

    [Fact]
    public async Task Schedule_in_the_past_is_refused()
    {
        var shown = await Type("/watchparty schedule 2020-01-01 20:00");

        Assert.Contains("has already passed", shown);
        Assert.DoesNotContain("console: no Discord", shown);
    }

    [Fact]
    public async Task Where_and_prompt_answer_and_prompts_go_on_where_the_last_session_stopped()
    {
        var first = await Type("/watchparty where", "/watchparty prompt", "/watchparty prompt");
        var second = await Type("/watchparty prompt");

        Assert.Contains("Amazon Prime and Apple TV", first);
        Assert.Contains("│ Discussion prompt 1 of 14", first);
        Assert.Contains("│ Discussion prompt 2 of 14", first);
        Assert.Contains("│ Discussion prompt 3 of 14", second);
    }

    [Fact]
    public async Task Trivia_is_played_with_a_number_and_scored_on_the_leaderboard()
    {
        var shown = await Type("/trivia play", "1", "/trivia leaderboard");

        Assert.Contains("[1] A. ", shown);
        Assert.Contains("[4] D. ", shown);
        var right = Count(shown, "✅ Right");
        Assert.Equal(1, right + Count(shown, "❌ Not this time"));
        Assert.Contains("│ Source: ", shown);
        Assert.Contains(right == 1 ? "│ **1.** console · 1 point (1 answered)" : "No one has scored yet in this server.", shown);
    }

    [Fact]
    public async Task Unanswered_lists_the_questions_the_console_asked_in_vain()
    {
        var shown = await Type("/ask What is the weather in Seoul tomorrow?", "/ask what is the weather in seoul tomorrow", "/unanswered");

        Assert.Contains("│ **1.** What is the weather in Seoul tomorrow? · asked twice, last <t:", shown);
    }

    [Fact]
    public async Task A_command_with_subcommands_needs_one()
    {
        Assert.Equal("/watchparty needs one of schedule, where, prompt, e.g. /watchparty schedule\n", await Type("/watchparty"));
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
