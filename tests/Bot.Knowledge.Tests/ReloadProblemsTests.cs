using Bot.Knowledge.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Tests;

/// <summary>What an operator reads while the knowledge folder cannot be reloaded: each problem once, then that it is over.</summary>
public sealed class ReloadProblemsTests
{
    private readonly CapturingLogger _log = new();

    [Fact]
    public void A_missing_folder_retried_every_poll_is_one_plain_warning_and_its_return_one_line()
    {
        var problems = new ReloadProblems("/srv/knowledge", _log);

        for (var poll = 0; poll < 60; poll++)
            problems.Failed(new KnowledgeFolderMissingException("/srv/knowledge"));
        problems.Succeeded();
        problems.Succeeded();

        Assert.Collection(
            _log.Entries,
            missing =>
            {
                Assert.Equal(LogLevel.Warning, missing.Level);
                Assert.Contains("/srv/knowledge is missing", missing.Message);
                Assert.Null(missing.Exception);
            },
            back => Assert.Equal((LogLevel.Information, "The knowledge folder /srv/knowledge is readable again"), (back.Level, back.Message)));
    }

    [Fact]
    public void An_unexpected_failure_keeps_its_stack_trace_and_a_different_one_is_logged_again()
    {
        var problems = new ReloadProblems("/srv/knowledge", _log);

        problems.Failed(new IOException("disk on fire"));
        problems.Failed(new IOException("disk on fire"));
        problems.Failed(new KnowledgeFolderMissingException("/srv/knowledge"));
        problems.Failed(new IOException("disk on fire"));

        Assert.Equal([LogLevel.Error, LogLevel.Warning, LogLevel.Error], _log.Entries.Select(e => e.Level));
        Assert.NotNull(_log.Entries[0].Exception);
    }
}
