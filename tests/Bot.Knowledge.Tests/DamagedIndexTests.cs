using Bot.Knowledge.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Tests;

/// <summary>The index is a cache of the knowledge folder: when it is damaged, it is rebuilt rather than stopping the bot.</summary>
public sealed class DamagedIndexTests : IDisposable
{
    private readonly KnowledgeWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("truncate-segments")]
    [InlineData("delete-segment-info")]
    public void A_damaged_index_is_rebuilt_from_the_knowledge_folder_and_the_damage_is_logged(string damage)
    {
        _workspace.Write("river.md", Markdown.Article("The river", "The Roh family crossed the Mekong river on a bamboo raft at dawn."));
        using (var first = _workspace.Open())
            first.Sync();

        var files = Directory.GetFiles(_workspace.IndexFolder);
        if (damage == "truncate-segments")
            File.WriteAllBytes(files.Single(f => Path.GetFileName(f).StartsWith("segments_", StringComparison.Ordinal)), [1, 2, 3]);
        else
            File.Delete(files.First(f => f.EndsWith(".si", StringComparison.Ordinal)));

        using var reopened = _workspace.Open();
        var report = reopened.Sync();

        Assert.NotNull(reopened.Store.Index.RecoveredFrom);
        Assert.Equal(1, report.Added);
        Assert.Contains("Mekong", reopened.Ask("Which river did the Roh family cross?").Sentence);
        Assert.Contains(_workspace.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("rebuilding", StringComparison.Ordinal));
    }
}
