namespace Bot.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Unknown_command_is_a_one_line_error_with_exit_code_2()
    {
        var run = await CommandLineRun.Start(null, "frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: unknown command 'frobnicate'; run 'help' for the commands", run.Error.Trim());
    }

    [Fact]
    public async Task Unknown_option_is_named()
    {
        var run = await CommandLineRun.Start(null, "ask", "--colour", "who?");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--colour", run.Error);
    }

    [Fact]
    public async Task Option_without_its_folder_says_what_it_needs()
    {
        var run = await CommandLineRun.Start(null, "ask", "who?", "--data");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--data needs a folder", run.Error);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_options()
    {
        var run = await CommandLineRun.Start(null, "help");

        Assert.Equal(0, run.ExitCode);
        foreach (var verb in new[] { "ask <QUESTION>", "console", "eval <FILE.jsonl>", "fit <FILE.jsonl>", "explain <QUESTION>", "run", "register-commands" })
            Assert.Contains(verb, run.Output);
        Assert.Contains("--knowledge <DIR>", run.Output);
        Assert.Contains("--data <DIR>", run.Output);
        Assert.Contains("--mode <lexical|semantic|hybrid>", run.Output);
    }

    [Fact]
    public async Task Help_for_one_verb_shows_its_own_options_too()
    {
        var run = await CommandLineRun.Start(null, "help", "fit");
        var same = await CommandLineRun.Start(null, "fit", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--folds <K>", run.Output);
        Assert.Contains("--out <FILE>", run.Output);
        Assert.Contains("--data <DIR>", run.Output);
        Assert.Equal(run.Output, same.Output);
    }

    [Fact]
    public async Task An_option_of_another_verb_is_refused_not_ignored()
    {
        var run = await CommandLineRun.Start(null, "ask", "--guild", "1", "who?");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
        Assert.Contains("--guild", run.Error);
    }

    [Fact]
    public async Task A_number_option_out_of_range_says_what_it_accepts()
    {
        var run = await CommandLineRun.Start(null, "eval", "x.jsonl", "--folds", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --folds needs a number of folds from 2 to 50, not '1'", run.Error.Trim());
    }

    [Fact]
    public async Task The_shell_completion_offers_verbs_and_the_modes()
    {
        var verbs = await CommandLineRun.Start(null, "[suggest:7]", "Bot reg");
        var modes = await CommandLineRun.Start(null, "[suggest:15]", "Bot ask --mode ");

        Assert.Equal(["register-commands"], verbs.OutputLines);
        Assert.Equal(["hybrid", "lexical", "semantic"], modes.OutputLines);
    }
}
