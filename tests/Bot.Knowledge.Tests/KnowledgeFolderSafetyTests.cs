using System.Runtime.InteropServices;
using Bot.Knowledge.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Tests;

/// <summary>
/// Only regular files inside the knowledge folder are read (issue 12): a link out of it, a named
/// pipe and an unreadable folder are each logged once with the reason, and nothing else changes.
/// </summary>
public sealed class KnowledgeFolderSafetyTests : IDisposable
{
    private const string Secret = "Discord__Token=MTAxNjQ3.secret-token-value";
    private readonly KnowledgeWorkspace workspace = new();
    private readonly TempFolder outside = new();

    public void Dispose()
    {
        workspace.Dispose();
        outside.Dispose();
    }

    [Fact]
    public void A_link_to_a_file_outside_the_folder_is_not_indexed_and_is_logged_once()
    {
        workspace.Write("river.md", Markdown.Article("The river crossing", "The Roh family crossed the Mekong river on a bamboo raft at dawn."));
        var secret = outside.Combine("secrets.md");
        File.WriteAllText(secret, $"# Secrets\n\n{Secret} is what the token looks like in the user secrets file.");
        File.CreateSymbolicLink(workspace.PathOf("secrets.md"), secret);
        using var knowledge = workspace.Open();

        var first = knowledge.Sync();
        knowledge.Sync();

        Assert.Equal(1, first.Added);
        Assert.Empty(knowledge.Engine.Search("token secret user"));
        Assert.DoesNotContain(knowledge.Engine.Search("Mekong"), hit => hit.Passage.Text.Contains("token", StringComparison.Ordinal));
        var warning = Assert.Single(workspace.Log.AtLeast(LogLevel.Warning), e => e.Message.Contains("secrets.md", StringComparison.Ordinal));
        Assert.Contains("symbolic link", warning.Message);
    }

    [Fact]
    public void A_link_to_a_folder_outside_is_not_followed()
    {
        File.WriteAllText(outside.Combine("elsewhere.md"), "# Elsewhere\n\nThe brokers were paid in gold bars hidden in rice sacks.");
        Directory.CreateSymbolicLink(workspace.PathOf("linked"), outside.FullPath);
        workspace.Write("river.md", Markdown.Article("The river crossing", "The Roh family crossed the Mekong river on a bamboo raft at dawn."));
        using var knowledge = workspace.Open();

        var report = knowledge.Sync();

        Assert.Equal(1, report.Added);
        Assert.Empty(knowledge.Engine.Search("gold bars rice sacks"));
        Assert.Contains(workspace.Log.AtLeast(LogLevel.Warning), e => e.Message.Contains("linked", StringComparison.Ordinal) && e.Message.Contains("symbolic link", StringComparison.Ordinal));
    }

    [Fact]
    public void A_named_pipe_in_the_folder_is_passed_over_and_reloading_goes_on()
    {
        if (!OperatingSystem.IsLinux())
            return; // mkfifo is a Unix call; CI and the bot's machines are Linux
        workspace.Write("river.md", Markdown.Article("The river crossing", "The Roh family crossed the Mekong river on a bamboo raft at dawn."));
        Assert.Equal(0, MakeFifo(workspace.PathOf("pipe.md"), 0x1A4 /* 0644 */));
        using var knowledge = workspace.Open();

        knowledge.Sync(); // before the fix, opening the pipe blocked here for good
        workspace.Write("cook.md", Markdown.Article("Life in the safe house", "The safe house cook, Mrs. Lee, baked cornbread every Tuesday."));
        var second = knowledge.Sync();

        Assert.Equal(1, second.Added);
        Assert.Contains("cornbread", knowledge.Ask("Who baked bread in the safe house?").Sentence + string.Concat(knowledge.Engine.Search("cornbread").Select(h => h.Passage.Text)));
        Assert.Single(workspace.Log.AtLeast(LogLevel.Warning), e => e.Message.Contains("pipe.md", StringComparison.Ordinal) && e.Message.Contains("not a regular file", StringComparison.Ordinal));
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);
}
