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
    private readonly KnowledgeWorkspace _workspace = new();
    private readonly TempFolder _outside = new();

    public void Dispose()
    {
        _workspace.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public void A_link_to_a_file_outside_the_folder_is_not_indexed_and_is_logged_once()
    {
        _workspace.Write("river.md", Markdown.Article("The river crossing", "The Roh family crossed the Mekong river on a bamboo raft at dawn."));
        var secret = _outside.Combine("secrets.md");
        File.WriteAllText(secret, $"# Secrets\n\n{Secret} is what the token looks like in the user secrets file.");
        File.CreateSymbolicLink(_workspace.PathOf("secrets.md"), secret);
        using var knowledge = _workspace.Open();

        var first = knowledge.Sync();
        knowledge.Sync();

        Assert.Equal(1, first.Added);
        Assert.Empty(knowledge.Engine.Search("token secret user"));
        Assert.DoesNotContain(knowledge.Engine.Search("Mekong"), hit => hit.Passage.Text.Contains("token", StringComparison.Ordinal));
        var warning = Assert.Single(_workspace.Log.AtLeast(LogLevel.Warning), e => e.Message.Contains("secrets.md", StringComparison.Ordinal));
        Assert.Contains("symbolic link", warning.Message);
    }

    [Fact]
    public void A_link_to_a_folder_outside_is_not_followed()
    {
        File.WriteAllText(_outside.Combine("elsewhere.md"), "# Elsewhere\n\nThe brokers were paid in gold bars hidden in rice sacks.");
        Directory.CreateSymbolicLink(_workspace.PathOf("linked"), _outside.FullPath);
        _workspace.Write("river.md", Markdown.Article("The river crossing", "The Roh family crossed the Mekong river on a bamboo raft at dawn."));
        using var knowledge = _workspace.Open();

        var report = knowledge.Sync();

        Assert.Equal(1, report.Added);
        Assert.Empty(knowledge.Engine.Search("gold bars rice sacks"));
        Assert.Contains(_workspace.Log.AtLeast(LogLevel.Warning), e => e.Message.Contains("linked", StringComparison.Ordinal) && e.Message.Contains("symbolic link", StringComparison.Ordinal));
    }

    [Fact]
    public void A_named_pipe_in_the_folder_is_passed_over_and_reloading_goes_on()
    {
        if (!OperatingSystem.IsLinux())
            return; // mkfifo is a Unix call; CI and the bot's machines are Linux
        _workspace.Write("river.md", Markdown.Article("The river crossing", "The Roh family crossed the Mekong river on a bamboo raft at dawn."));
        Assert.Equal(0, MakeFifo(_workspace.PathOf("pipe.md"), 0x1A4 /* 0644 */));
        using var knowledge = _workspace.Open();

        knowledge.Sync(); // before the fix, opening the pipe blocked here for good
        _workspace.Write("cook.md", Markdown.Article("Life in the safe house", "The safe house cook, Mrs. Lee, baked cornbread every Tuesday."));
        var second = knowledge.Sync();

        Assert.Equal(1, second.Added);
        Assert.Contains("cornbread", knowledge.Ask("Who baked bread in the safe house?").Sentence + string.Concat(knowledge.Engine.Search("cornbread").Select(h => h.Passage.Text)));
        Assert.Single(_workspace.Log.AtLeast(LogLevel.Warning), e => e.Message.Contains("pipe.md", StringComparison.Ordinal) && e.Message.Contains("not a regular file", StringComparison.Ordinal));
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int MakeFifo(string path, uint mode);
}

/// <summary>
/// A subfolder the bot may not list (a moderator's <c>chmod 700</c> by another user) is not a
/// subfolder that was emptied: its documents keep answering, and the reason is logged once. The
/// bot runs here as an unprivileged user, as it does in production: the test thread's file-system
/// user is set to <c>nobody</c> (<c>setfsuid</c> is per thread, and drops root's right to read
/// anything), so permissions apply even when the tests themselves run as root.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UnreadableSubfolderTests : IDisposable
{
    private const uint Nobody = 65534;
    private readonly KnowledgeWorkspace _workspace = new();

    public void Dispose()
    {
        if (Directory.Exists(_workspace.PathOf("letters")))
            File.SetUnixFileMode(_workspace.PathOf("letters"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _workspace.Dispose();
    }

    [Fact]
    public void Its_documents_keep_answering_and_it_is_logged_once()
    {
        Assert.True(OperatingSystem.IsLinux(), "the bot's machines and CI are Linux");
        _workspace.Write("river.md", Markdown.Article("The river crossing", "The Roh family crossed the Mekong river on a bamboo raft at dawn."));
        _workspace.Write("letters/cook.md", Markdown.Article("Life in the safe house", "The safe house cook, Mrs. Lee, baked cornbread every Tuesday."));
        if (IsRoot)
            OpenToEveryone(Path.GetDirectoryName(_workspace.KnowledgeFolder)!, except: _workspace.PathOf("letters"));
        using var knowledge = AsNobody(() => _workspace.Open());
        var first = AsNobody(knowledge.Sync);

        // Another user (root, here) closes the folder to everyone else; run as an ordinary user, the
        // tests close it to themselves.
        File.SetUnixFileMode(_workspace.PathOf("letters"), IsRoot ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute : UnixFileMode.None);
        var outcome = AsNobody(() =>
        {
            var second = knowledge.Sync();
            var third = knowledge.Sync();
            return (first.Added, second.Removed + third.Removed, knowledge.Ask("Who baked cornbread in the safe house?").Sentence);
        });

        Assert.Equal((2, 0), (outcome.Added, outcome.Item2));
        Assert.Contains("Mrs. Lee", outcome.Sentence);
        var warning = Assert.Single(_workspace.Log.AtLeast(LogLevel.Warning));
        Assert.Contains("letters", warning.Message);
    }

    /// <summary>Everything under the workspace but <paramref name="except"/> belongs to nobody, so the thread can write the index there.</summary>
    private static void OpenToEveryone(string root, string except)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Append(root).Where(p => p != except))
            Assert.Equal(0, Chown(path, Nobody, Nobody));
    }

    private static bool IsRoot => GetEUid() == 0;

    /// <summary>Runs <paramref name="work"/> on a thread whose file accesses are checked as user nobody (when the tests run as root).</summary>
    private static T AsNobody<T>(Func<T> work)
    {
        if (!IsRoot)
            return work();
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            _ = SetFsUid(Nobody);
            try
            {
                if (SetFsUid(unchecked((uint)-1)) != Nobody)
                    throw new InvalidOperationException("setfsuid did not take");
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                _ = SetFsUid(0);
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
            throw new InvalidOperationException("failed as nobody", failure);
        return result;
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEUid();

    [DllImport("libc", EntryPoint = "setfsuid")]
    private static extern int SetFsUid(uint uid);

    [DllImport("libc", EntryPoint = "chown", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Chown(string path, uint owner, uint group);
}
