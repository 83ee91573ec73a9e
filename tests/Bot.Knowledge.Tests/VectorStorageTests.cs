using Bot.Knowledge.Answering;
using Bot.Knowledge.Tests.Support;

namespace Bot.Knowledge.Tests;

/// <summary>Passage and sentence vectors live with the index, so unchanged files are never embedded twice.</summary>
public sealed class VectorStorageTests : IDisposable
{
    private static readonly string River = Markdown.Article(
        "The river crossing",
        "The Roh family crossed the Mekong river on a bamboo raft at dawn. The water was cold.",
        "The crossing guide was a fisherman named Tran.");

    private static readonly string Cook = Markdown.Article(
        "Life in the safe house",
        "The safe house cook, Mrs. Lee, baked cornbread every Tuesday.");

    private readonly KnowledgeWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Every_passage_and_every_sentence_is_embedded_once()
    {
        _workspace.Write("river.md", River);
        var model = new CountingEmbedder(SentenceModel.Shared);
        using var knowledge = _workspace.Open(embedder: model);

        knowledge.Sync();

        // Each of the 2 passages and its heading; each answer unit alone and read after the one before it.
        Assert.Equal(2 * 2 + 2 * 2, model.TextsEmbedded); // "The water was cold." is under 5 words: it joins the sentence before
        Assert.Contains("Mekong", knowledge.Ask("How did the Roh family cross the river?").Sentence);
    }

    [Fact]
    public void A_restart_with_nothing_changed_embeds_nothing_and_still_answers_by_meaning()
    {
        _workspace.Write("river.md", River);
        _workspace.Write("cook.md", Cook);
        using (var first = _workspace.Open(embedder: SentenceModel.Shared))
            first.Sync();

        var model = new CountingEmbedder(SentenceModel.Shared);
        using var restarted = _workspace.Open(embedder: model);
        var report = restarted.Sync();
        var answer = restarted.Ask("Who baked the bread in the safe house?", RetrievalMode.Semantic);

        Assert.Equal(2, report.Unchanged);
        Assert.Equal(1, model.TextsEmbedded); // the question only
        Assert.Contains("cornbread", answer.Sentence);
    }

    [Fact]
    public void A_changed_file_is_embedded_again_and_the_others_are_not()
    {
        _workspace.Write("river.md", River);
        _workspace.Write("cook.md", Cook);
        using var knowledge = _workspace.Open(embedder: SentenceModel.Shared);
        knowledge.Sync();

        var model = new CountingEmbedder(SentenceModel.Shared);
        using var reopened = Reopen(model);
        _workspace.Write("cook.md", Markdown.Article("Life in the safe house", "The safe house cook, Mrs. Lee, made dumplings on Sundays."));
        reopened.Sync();

        // One passage, its heading, its one sentence alone and in context, and that sentence's two
        // clauses ("The safe house cook," | "Mrs. Lee, made dumplings on Sundays.").
        Assert.Equal(6, model.TextsEmbedded);
        Assert.Contains("dumplings", reopened.Ask("What did the safe house cook make?", RetrievalMode.Semantic).Sentence);

        OpenKnowledge Reopen(CountingEmbedder counting)
        {
            knowledge.Dispose();
            return _workspace.Open(embedder: counting);
        }
    }

    [Fact]
    public void An_index_built_without_vectors_is_rebuilt_with_them_when_the_model_is_turned_on()
    {
        _workspace.Write("river.md", River);
        using (var lexical = _workspace.Open())
            lexical.Sync();

        var model = new CountingEmbedder(SentenceModel.Shared);
        using var hybrid = _workspace.Open(embedder: model);
        var report = hybrid.Sync();

        Assert.Equal(1, report.Added);
        Assert.Equal(2 * 2 + 2 * 2, model.TextsEmbedded); // "The water was cold." is under 5 words: it joins the sentence before
        Assert.Equal(SentenceModel.Shared.ModelId, hybrid.Store.Index.Manifest.EmbeddingModel);
    }
}
