using Bot.Knowledge.Analysis;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Hosting;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Tests.Support;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Directory = System.IO.Directory;

namespace Bot.Knowledge.Tests;

public sealed partial class IndexingTests
{
    [Fact]
    public void Index_built_by_an_older_analysis_chain_is_rebuilt_at_start()
    {
        var river = _workspace.Write("river.md", River);
        Directory.CreateDirectory(_workspace.IndexFolder);
        using (var directory = FSDirectory.Open(_workspace.IndexFolder))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(TextAnalysis.Version, new StandardAnalyzer(TextAnalysis.Version))))
        {
            writer.AddDocument(
            [
                new StringField(IndexFields.Id, "river.md#0", Field.Store.YES),
                new StringField(IndexFields.Path, "river.md", Field.Store.YES),
                new StoredField(IndexFields.Ordinal, 0),
                new StoredField(IndexFields.Title, "Old"),
                new StoredField(IndexFields.Section, ""),
                new StoredField(IndexFields.Source, "old"),
                new TextField(IndexFields.Text, "The crossing guide was a zeppelin pilot.", Field.Store.YES),
            ]);
            // The manifest says river.md is indexed as it is now, but by another chain.
            writer.SetCommitData(new Dictionary<string, string>
            {
                ["chain"] = "an-older-chain",
                ["file:river.md"] = KnowledgeFile.Hash(File.ReadAllBytes(river)),
            });
            writer.Commit();
        }

        using var knowledge = _workspace.Open();
        var report = knowledge.Sync();

        Assert.Equal(1, report.Added);
        Assert.Equal(TextAnalysis.ChainVersion, knowledge.Store.Index.Manifest.ChainVersion);
        Assert.Contains("Tran", knowledge.Ask(GuideQuestion).Sentence);
        Assert.DoesNotContain("zeppelin", AnswerAssert.Texts(knowledge.Ask("Who was the zeppelin pilot guide?")));
    }

    [Fact]
    public async Task Starting_the_service_builds_the_index_under_the_data_folder_and_not_in_the_knowledge_folder()
    {
        _workspace.Write("river.md", River);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<KnowledgeOptions>().Configure(o =>
        {
            o.Folder = _workspace.KnowledgeFolder;
            o.DataFolder = _workspace.DataFolder;
            o.Watch = false;
            o.Semantic = false; // this test is about where the index goes; the model has tests of its own
        });
        services.AddKnowledge();

        using (var provider = services.BuildServiceProvider())
        {
            var service = Assert.Single(provider.GetServices<IHostedService>());
            await service.StartAsync(CancellationToken.None);
            Assert.Contains("Mekong", provider.GetRequiredService<AnswerEngine>().Ask(RiverQuestion).Sentence);
            await service.StopAsync(CancellationToken.None);
        }

        Assert.NotEmpty(Directory.GetFiles(_workspace.IndexFolder, "segments_*"));
        Assert.Equal(["river.md"], Directory.GetFiles(_workspace.KnowledgeFolder, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
        using var reopened = KnowledgeIndex.Open(_workspace.IndexFolder);
        Assert.Equal(["river.md"], reopened.Manifest.FileHashes.Keys);
    }

    [Fact]
    public void Second_open_of_the_same_index_gets_an_in_memory_copy_of_its_last_commit()
    {
        _workspace.Write("river.md", River);
        using var running = _workspace.Open();
        running.Sync();

        using var second = _workspace.Open();
        var report = second.Sync();

        Assert.False(running.Store.Index.IsPrivateCopy);
        Assert.True(second.Store.Index.IsPrivateCopy);
        Assert.Equal((0, 1), (report.Added, report.Unchanged)); // copied, not read and embedded again
        Assert.Contains("Mekong", second.Ask(RiverQuestion).Sentence);
        Assert.Contains("Mekong", running.Ask(RiverQuestion).Sentence);
    }

    [Fact]
    public void A_copy_changes_nothing_on_disk_and_the_owner_keeps_writing_after_it_closes()
    {
        _workspace.Write("river.md", River);
        using var running = _workspace.Open();
        running.Sync();
        var ownerFiles = Directory.GetFiles(_workspace.IndexFolder).Select(Path.GetFileName).Order().ToArray();

        using (var second = _workspace.Open())
        {
            _workspace.Write("cook.md", Cook);
            File.Delete(Path.Combine(_workspace.KnowledgeFolder, "river.md"));
            var report = second.Sync();
            Assert.Equal((1, 1), (report.Added, report.Removed));
            Assert.Contains("Mrs. Lee", second.Ask(CookQuestion).Sentence);
        }

        Assert.Equal(ownerFiles, Directory.GetFiles(_workspace.IndexFolder).Select(Path.GetFileName).Order().ToArray());
        var caughtUp = running.Sync();
        Assert.Equal((1, 1), (caughtUp.Added, caughtUp.Removed));
        Assert.Contains("Mrs. Lee", running.Ask(CookQuestion).Sentence);
        Assert.False(running.Ask(RiverQuestion).Answered);
    }

    [Fact]
    public void Once_the_first_holder_closes_the_index_the_next_open_uses_the_disk_again()
    {
        _workspace.Write("river.md", River);
        using (var first = _workspace.Open())
            first.Sync();

        using var next = _workspace.Open();

        Assert.False(next.Store.Index.IsPrivateCopy);
        Assert.Contains("river.md", next.Store.Index.Manifest.FileHashes.Keys);
    }
}
