using Bot.Knowledge.Tests.Support;

namespace Bot.Knowledge.Tests;

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
