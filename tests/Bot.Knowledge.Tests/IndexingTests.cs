using Bot.Knowledge.Tests.Support;

namespace Bot.Knowledge.Tests;

/// <summary>
/// The on-disk index follows the knowledge folder: reused at the next start, updated for
/// changed and deleted files, and never made worse by a broken file.
/// </summary>
public sealed partial class IndexingTests : IDisposable
{
    private const string RiverQuestion = "Which river did the Roh family cross?";
    private const string GuideQuestion = "Who was the crossing guide?";
    private const string CookQuestion = "Who baked cornbread?";

    private static readonly string River = Markdown.Article(
        "The river crossing",
        "The Roh family crossed the Mekong river on a bamboo raft at dawn.",
        "The crossing guide was a fisherman named Tran.");

    private static readonly string Cook = Markdown.Article(
        "Life in the safe house",
        "The safe house cook, Mrs. Lee, baked cornbread every Tuesday.");

    private readonly KnowledgeWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void First_sync_adds_every_article_and_answers_from_them()
    {
        _workspace.Write("river.md", River);
        _workspace.Write("cook.md", Cook);
        using var knowledge = _workspace.Open();

        var report = knowledge.Sync();

        Assert.Equal((2, 0, 0, 0), (report.Added, report.Updated, report.Removed, report.Unchanged));
        Assert.Empty(report.Skipped);
        Assert.Contains("Mekong", knowledge.Ask(RiverQuestion).Sentence);
        Assert.Contains("Mrs. Lee", knowledge.Ask(CookQuestion).Sentence);
    }

    [Fact]
    public void Index_is_reused_at_the_next_start_without_adding_or_updating_anything()
    {
        _workspace.Write("river.md", River);
        _workspace.Write("cook.md", Cook);
        using (var first = _workspace.Open())
            first.Sync();

        using var second = _workspace.Open();
        var beforeSync = second.Ask(RiverQuestion);
        var report = second.Sync();

        Assert.False(second.Store.Index.IsPrivateCopy);
        Assert.Contains("Mekong", beforeSync.Sentence); // answered straight from the stored index
        Assert.Equal((0, 0, 0, 2), (report.Added, report.Updated, report.Removed, report.Unchanged));
        Assert.Contains("Mekong", second.Ask(RiverQuestion).Sentence);
        Assert.Contains("Mrs. Lee", second.Ask(CookQuestion).Sentence);
    }

    [Fact]
    public void Second_sync_with_nothing_changed_reports_no_change()
    {
        _workspace.Write("river.md", River);
        using var knowledge = _workspace.Open();
        knowledge.Sync();

        var report = knowledge.Sync();

        Assert.False(report.Changed);
        Assert.Equal(1, report.Unchanged);
    }

    [Fact]
    public void Changed_article_is_updated_and_its_old_wording_is_gone()
    {
        _workspace.Write("river.md", River);
        using var knowledge = _workspace.Open();
        knowledge.Sync();
        Assert.Contains("Tran", knowledge.Ask(GuideQuestion).Sentence);

        _workspace.Write("river.md", River.Replace("a fisherman named Tran", "a rice farmer named Vuong who knew the river"));
        var report = knowledge.Sync();

        Assert.Equal((0, 1), (report.Added, report.Updated));
        var answer = knowledge.Ask(GuideQuestion);
        Assert.Contains("Vuong", answer.Sentence);
        Assert.DoesNotContain("Tran", AnswerAssert.Texts(answer));
    }

    [Fact]
    public void Article_changed_while_the_bot_was_stopped_is_updated_at_the_next_start()
    {
        _workspace.Write("river.md", River);
        using (var first = _workspace.Open())
            first.Sync();
        _workspace.Write("river.md", River.Replace("a fisherman named Tran", "a rice farmer named Vuong who knew the river"));

        using var second = _workspace.Open();
        var report = second.Sync();

        Assert.Equal(1, report.Updated);
        Assert.Contains("Vuong", second.Ask(GuideQuestion).Sentence);
    }

    [Fact]
    public void Deleted_article_no_longer_answers_and_the_others_still_do()
    {
        _workspace.Write("river.md", River);
        _workspace.Write("cook.md", Cook);
        using var knowledge = _workspace.Open();
        knowledge.Sync();

        _workspace.Delete("cook.md");
        var report = knowledge.Sync();

        Assert.Equal(1, report.Removed);
        var cook = knowledge.Ask(CookQuestion);
        Assert.False(cook.Answered);
        Assert.DoesNotContain(knowledge.Ask("Mrs. Lee safe house cook cornbread Tuesday").Passages, p => p.Passage.Path == "cook.md");
        Assert.Contains("Mekong", knowledge.Ask(RiverQuestion).Sentence);
    }

    [Fact]
    public void Article_deleted_while_the_bot_was_stopped_is_removed_at_the_next_start()
    {
        _workspace.Write("river.md", River);
        _workspace.Write("cook.md", Cook);
        using (var first = _workspace.Open())
            first.Sync();
        _workspace.Delete("cook.md");

        using var second = _workspace.Open();
        var report = second.Sync();

        Assert.Equal(1, report.Removed);
        Assert.False(second.Ask(CookQuestion).Answered);
    }
}
