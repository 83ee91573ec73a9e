using System.Text;
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
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Directory = System.IO.Directory;

namespace Bot.Knowledge.Tests;

/// <summary>
/// The on-disk index follows the knowledge folder: reused at the next start, updated for
/// changed and deleted files, and never made worse by a broken file.
/// </summary>
public sealed class IndexingTests : IDisposable
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

    [Fact]
    public void Broken_files_are_skipped_with_path_and_reason_and_the_good_ones_still_answer()
    {
        _workspace.Write("river.md", River);
        _workspace.WriteBytes("broken/latin1.md", [.. Encoding.UTF8.GetBytes("# Caf"), 0xE9, .. Encoding.UTF8.GetBytes("\n\nCaf\xE9 text.\n")]);
        _workspace.WriteBytes("binary.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);
        _workspace.WriteBytes("nul.md", [.. Encoding.UTF8.GetBytes("# Nul\n\nText"), 0x00, .. Encoding.UTF8.GetBytes(" more.\n")]);
        _workspace.Write("half-saved.md", "---\ntitle: Half saved\n");
        _workspace.Write("empty.md", "# Just a title\n");
        using var knowledge = _workspace.Open();

        var report = knowledge.Sync();

        Assert.Equal(1, report.Added);
        var skipped = report.Skipped.ToDictionary(s => s.Path, s => s.Reason);
        Assert.Equal(["binary.md", "broken/latin1.md", "empty.md", "half-saved.md", "nul.md"], skipped.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("UTF-8", skipped["broken/latin1.md"]);
        Assert.Contains("never closed", skipped["half-saved.md"]);
        Assert.Contains("no paragraphs", skipped["empty.md"]);
        Assert.Contains("NUL", skipped["nul.md"]);
        Assert.Contains("Mekong", knowledge.Ask(RiverQuestion).Sentence);
    }

    [Fact]
    public void Broken_file_is_logged_once_with_its_full_path_and_reason()
    {
        _workspace.Write("river.md", River);
        var path = _workspace.Write("half-saved.md", "---\ntitle: Half saved\n");
        using var knowledge = _workspace.Open();

        knowledge.Sync();
        knowledge.Sync();

        var warning = Assert.Single(_workspace.Log.AtLeast(LogLevel.Warning));
        Assert.Contains(path, warning.Message);
        Assert.Contains("never closed", warning.Message);
    }

    [Fact]
    public void File_larger_than_the_limit_is_skipped_saying_so()
    {
        _workspace.Write("river.md", River);
        _workspace.Write("huge.md", Markdown.Article("Huge", new string('x', 3000) + "."));
        using var knowledge = _workspace.Open(maxFileBytes: 2000);

        var report = knowledge.Sync();

        var skipped = Assert.Single(report.Skipped);
        Assert.Equal("huge.md", skipped.Path);
        Assert.Contains("MaxFileBytes", skipped.Reason);
        Assert.Contains("Mekong", knowledge.Ask(RiverQuestion).Sentence);
    }

    [Fact]
    public void File_that_breaks_after_indexing_keeps_its_last_good_version_answering()
    {
        _workspace.Write("river.md", River);
        using var knowledge = _workspace.Open();
        knowledge.Sync();

        _workspace.WriteBytes("river.md", [.. Encoding.UTF8.GetBytes(River[..40]), 0xFF, 0xFE]);
        var report = knowledge.Sync();

        Assert.Equal("river.md", Assert.Single(report.Skipped).Path);
        Assert.Equal((0, 0, 0), (report.Added, report.Updated, report.Removed));
        Assert.Contains("Mekong", knowledge.Ask(RiverQuestion).Sentence);
        Assert.Contains("Tran", knowledge.Ask(GuideQuestion).Sentence);
    }

    [Fact]
    public void File_still_broken_at_the_next_start_keeps_its_last_good_version_answering()
    {
        _workspace.Write("river.md", River);
        using (var first = _workspace.Open())
            first.Sync();
        _workspace.Write("river.md", "---\ntitle: The river crossing\n");

        using var second = _workspace.Open();
        var report = second.Sync();

        Assert.Equal("river.md", Assert.Single(report.Skipped).Path);
        Assert.Contains("Mekong", second.Ask(RiverQuestion).Sentence);
    }

    [Fact]
    public void Broken_file_once_fixed_is_indexed_with_the_fix()
    {
        _workspace.Write("river.md", River);
        using var knowledge = _workspace.Open();
        knowledge.Sync();
        _workspace.Write("river.md", "---\ntitle: The river crossing\n");
        knowledge.Sync();

        _workspace.Write("river.md", River.Replace("a fisherman named Tran", "a rice farmer named Vuong who knew the river"));
        var report = knowledge.Sync();

        Assert.Empty(report.Skipped);
        Assert.Equal(1, report.Updated);
        Assert.Contains("Vuong", knowledge.Ask(GuideQuestion).Sentence);
    }

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

/// <summary>
/// A long first build keeps its progress: the words of every file are committed first, then the
/// vectors chunk by chunk as they are embedded, so a process that dies part-way restarts from the
/// chunks it had finished (here one file a chunk).
/// </summary>
public sealed class InterruptedBuildTests : IDisposable
{
    private readonly KnowledgeWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void A_build_that_dies_on_the_third_file_keeps_every_files_words_and_embeds_only_the_two_unfinished()
    {
        _workspace.Write("a-river.md", Markdown.Article("The river", "The Roh family crossed the Mekong river on a bamboo raft at dawn."));
        _workspace.Write("b-cook.md", Markdown.Article("The safe house", "The safe house cook, Mrs. Lee, baked cornbread every Tuesday."));
        _workspace.Write("c-border.md", Markdown.Article("The border", "The guide from Zanzibar waited at the border post for three nights."));
        _workspace.Write("d-city.md", Markdown.Article("The city", "The family reached Bangkok after eleven days on the road."));

        using (var dying = _workspace.Open(embedder: new FailingOn("Zanzibar", SentenceModel.Shared)))
        {
            var oneFileAChunk = new KnowledgeSynchronizer(dying.Store, _workspace.KnowledgeFolder, 4 * 1024 * 1024, _workspace.Log) { ChunkTexts = 1 };
            Assert.ThrowsAny<Exception>(() => oneFileAChunk.Synchronize());
        }

        var counting = new CountingEmbedder(SentenceModel.Shared);
        using var restarted = _workspace.Open(embedder: counting);
        var report = restarted.Sync();
        var embeddedByTheRestart = counting.TextsEmbedded;

        Assert.Equal((4, 0), (report.Unchanged, report.Added));
        Assert.Equal(IndexState.Hybrid, restarted.Store.State);
        Assert.Contains("Mekong", restarted.Ask("Which river did the Roh family cross?").Sentence);
        Assert.Contains("Bangkok", restarted.Ask("Which city did the family reach?").Sentence);

        // Only the two unfinished files were embedded again: as many texts as a build of those two alone.
        var alone = new KnowledgeWorkspace();
        try
        {
            alone.Write("c-border.md", Markdown.Article("The border", "The guide from Zanzibar waited at the border post for three nights."));
            alone.Write("d-city.md", Markdown.Article("The city", "The family reached Bangkok after eleven days on the road."));
            var reference = new CountingEmbedder(SentenceModel.Shared);
            alone.Open(embedder: reference).Sync();
            Assert.Equal(reference.TextsEmbedded, embeddedByTheRestart);
        }
        finally
        {
            alone.Dispose();
        }
    }

    /// <summary>The real model, until it meets a text containing <paramref name="word"/>: then the build dies.</summary>
    private sealed class FailingOn(string word, Semantic.ITextEmbedder inner) : Semantic.ITextEmbedder
    {
        public string ModelId => inner.ModelId;

        public int Dimensions => inner.Dimensions;

        public float[][] Embed(IReadOnlyList<string> batch, CancellationToken cancellationToken = default) =>
            batch.Any(t => t.Contains(word, StringComparison.Ordinal))
                ? throw new IOException("the process died here")
                : inner.Embed(batch, cancellationToken);
    }
}
