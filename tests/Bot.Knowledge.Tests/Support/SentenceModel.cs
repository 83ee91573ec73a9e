using Bot.Embeddings.MiniLM;
using Bot.Knowledge.Semantic;

namespace Bot.Knowledge.Tests.Support;

/// <summary>
/// The real all-MiniLM-L6-v2 model, loaded once for the whole test run (it is ~90 MB and takes
/// most of a second to load), with at most two inferences at once as on the 2-core machines.
/// </summary>
internal static class SentenceModel
{
    private static readonly Lazy<MiniLmEmbedder> Model = new(() => new MiniLmEmbedder(maxConcurrency: 2));

    public static MiniLmEmbedder Shared => Model.Value;
}

/// <summary>The real model, counting the texts it is asked to embed: how a test sees whether indexing embedded again.</summary>
internal sealed class CountingEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    private int _texts;

    public int TextsEmbedded => Volatile.Read(ref _texts);

    public string ModelId => inner.ModelId;

    public int Dimensions => inner.Dimensions;

    public float[][] Embed(IReadOnlyList<string> batch, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _texts, batch.Count);
        return inner.Embed(batch, cancellationToken);
    }
}
