using Bot.Knowledge.Hosting;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Tests.Support;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Tests;

public sealed partial class IndexingTests
{
    [Fact]
    public void Articles_in_subfolders_are_indexed_under_their_relative_path()
    {
        _workspace.Write("people/cooks/lee.md", Cook);
        using var knowledge = _workspace.Open();

        knowledge.Sync();
        var answer = knowledge.Ask(CookQuestion);

        Assert.Equal("people/cooks/lee.md", answer.Passages[0].Passage.Path);
        Assert.Equal("written for a test", answer.Passages[0].Passage.Source);
    }

    [Theory]
    [InlineData("cook.markdown")]
    [InlineData("COOK.MD")]
    public void Articles_saved_with_another_markdown_extension_are_indexed(string name)
    {
        _workspace.Write(name, Cook);
        using var knowledge = _workspace.Open();

        Assert.Equal(1, knowledge.Sync().Added);
        Assert.Contains("Mrs. Lee", knowledge.Ask(CookQuestion).Sentence);
    }

    [Fact]
    public void Files_that_are_not_markdown_are_neither_indexed_nor_reported()
    {
        _workspace.Write("river.md", River);
        _workspace.Write("notes.txt", "The safe house cook, Mrs. Lee, baked cornbread every Tuesday.\n");
        _workspace.WriteBytes("photo.jpg", [0xFF, 0xD8, 0xFF, 0x00]);
        using var knowledge = _workspace.Open();

        var report = knowledge.Sync();

        Assert.Equal(1, report.Added);
        Assert.Empty(report.Skipped);
        Assert.False(knowledge.Ask(CookQuestion).Answered);
    }

    [Fact]
    public void Missing_knowledge_folder_throws_naming_the_folder()
    {
        var missing = Path.Combine(_workspace.DataFolder, "no-such-knowledge");
        using var knowledge = new OpenKnowledge(KnowledgeIndex.OpenInMemory(), missing, 1024, _workspace.Log);

        var e = Assert.Throws<KnowledgeFolderMissingException>(() => knowledge.Sync());

        Assert.Equal(Path.GetFullPath(missing), e.Folder);
        Assert.Contains(Path.GetFullPath(missing), e.Message);
    }

    [Fact]
    public void Knowledge_folder_removed_while_running_throws_and_the_index_keeps_answering()
    {
        _workspace.Write("river.md", River);
        using var knowledge = _workspace.Open();
        knowledge.Sync();

        Directory.Delete(_workspace.KnowledgeFolder, recursive: true);

        Assert.Throws<KnowledgeFolderMissingException>(() => knowledge.Sync());
        Assert.Contains("Mekong", knowledge.Ask(RiverQuestion).Sentence);
    }

    [Fact]
    public async Task Starting_the_service_without_a_knowledge_folder_fails_naming_the_folder()
    {
        var missing = Path.Combine(_workspace.DataFolder, "no-such-knowledge");
        using var knowledge = new OpenKnowledge(KnowledgeIndex.OpenInMemory(), missing, 1024, _workspace.Log);
        var options = Options.Create(new KnowledgeOptions { Folder = missing, DataFolder = _workspace.DataFolder, Watch = true });
        using var service = new KnowledgeIndexService(knowledge.Synchronizer, knowledge.Store, options, TimeProvider.System, new CapturingLogger<KnowledgeIndexService>());

        var e = await Assert.ThrowsAsync<KnowledgeFolderMissingException>(() => service.StartAsync(CancellationToken.None));

        Assert.Equal(Path.GetFullPath(missing), e.Folder);
    }
}
