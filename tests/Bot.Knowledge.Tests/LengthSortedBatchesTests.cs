using Bot.Knowledge.Documents;
using Bot.Knowledge.Semantic;
using Bot.Knowledge.Tests.Support;

namespace Bot.Knowledge.Tests;

/// <summary>
/// Indexing embeds texts in batches of similar length (the model pads a batch to its longest
/// text); each text must still get its own vector, the one it gets when embedded alone.
/// </summary>
public sealed class LengthSortedBatchesTests
{
    [Fact]
    public void Batching_by_length_gives_every_text_the_vector_it_gets_alone()
    {
        var texts = ShippedTexts();
        var recording = new RecordingEmbedder(SentenceModel.Shared);

        var batched = LengthSortedBatches.Embed(recording, texts, _ => { }, CancellationToken.None);
        var alone = texts.Select(t => SentenceModel.Shared.Embed([t])[0]).ToArray();

        Assert.Equal(texts.Count, batched.Length);
        for (var i = 0; i < texts.Count; i++)
        {
            var own = Vectors.Dot(batched[i], alone[i]);
            Assert.True(own > 0.9999f, $"text {i} ({texts[i]}): cosine {own} with its own vector");
            var nearest = Enumerable.Range(0, texts.Count).MaxBy(j => Vectors.Dot(batched[i], alone[j]));
            Assert.Equal(i, nearest);
        }
    }

    [Fact]
    public void Texts_are_batched_eight_at_a_time_shortest_first()
    {
        var texts = ShippedTexts();
        var recording = new RecordingEmbedder(SentenceModel.Shared);
        var reported = 0;

        LengthSortedBatches.Embed(recording, texts, n => Interlocked.Add(ref reported, n), CancellationToken.None);

        var batches = recording.Batches.OrderBy(b => b.Min(t => t.Length)).ToArray();
        Assert.Equal((texts.Count + 7) / 8, batches.Length);
        Assert.All(batches.SkipLast(1), b => Assert.Equal(LengthSortedBatches.BatchSize, b.Length));
        var lengths = batches.SelectMany(b => b.Select(t => t.Length)).ToArray();
        Assert.Equal(lengths.Order(), lengths); // batch after batch, never a long text among short ones
        Assert.Equal(texts.Order(), batches.SelectMany(b => b).Order());
        Assert.Equal(texts.Count, reported);
    }

    /// <summary>Every text indexing embeds for the shipped article, distinct: paragraphs, headings, sentences, clauses.</summary>
    private static IReadOnlyList<string> ShippedTexts()
    {
        var document = MarkdownDocumentParser.Parse("article.md", File.ReadAllBytes(TestPaths.ShippedArticle));
        var texts = document.Passages.SelectMany(p => PassageTexts.Of(p).Texts).Distinct(StringComparer.Ordinal).ToArray();
        Assert.True(texts.Length > 40, $"only {texts.Length} texts");
        return texts;
    }
}
