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
        Assert.Contains("ask \"QUESTION\"", run.Output);
        Assert.Contains("eval FILE.jsonl", run.Output);
        Assert.Contains("--knowledge DIR", run.Output);
        Assert.Contains("--data DIR", run.Output);
    }
}
