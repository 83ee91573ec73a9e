using Bot.Knowledge.Semantic;

namespace Bot.Benchmarks;

/// <summary>
/// Passes every call through to a real sentence model and counts what went through it, so a
/// benchmark can check what was embedded (a restart on an unchanged folder: nothing) and time it.
/// Same <see cref="ModelId"/> as the wrapped model, so the index it builds is the model's index.
/// </summary>
internal sealed class CountingEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    private long calls;
    private long texts;
    private long characters;

    public string ModelId => inner.ModelId;

    public int Dimensions => inner.Dimensions;

    /// <summary>Calls to <see cref="Embed"/> so far.</summary>
    public long Calls => Interlocked.Read(ref calls);

    /// <summary>Texts embedded so far.</summary>
    public long Texts => Interlocked.Read(ref texts);

    /// <summary>Characters of the texts embedded so far.</summary>
    public long Characters => Interlocked.Read(ref characters);

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref calls);
        Interlocked.Add(ref this.texts, texts.Count);
        Interlocked.Add(ref characters, texts.Sum(t => (long)t.Length));
        return inner.Embed(texts, cancellationToken);
    }

    public void Reset()
    {
        Interlocked.Exchange(ref calls, 0);
        Interlocked.Exchange(ref texts, 0);
        Interlocked.Exchange(ref characters, 0);
    }
}
