using Bot.Knowledge.Semantic;

namespace Bot.Benchmarks;

/// <summary>
/// Passes every call through to a real sentence model and counts what went through it, so a
/// benchmark can check what was embedded (a restart on an unchanged folder: nothing) and time it.
/// Same <see cref="ModelId"/> as the wrapped model, so the index it builds is the model's index.
/// </summary>
internal sealed class CountingEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    private long _calls;
    private long _texts;
    private long _characters;

    public string ModelId => inner.ModelId;

    public int Dimensions => inner.Dimensions;

    /// <summary>Calls to <see cref="Embed"/> so far.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Texts embedded so far.</summary>
    public long Texts => Interlocked.Read(ref _texts);

    /// <summary>Characters of the texts embedded so far.</summary>
    public long Characters => Interlocked.Read(ref _characters);

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _texts, texts.Count);
        Interlocked.Add(ref _characters, texts.Sum(t => (long)t.Length));
        return inner.Embed(texts, cancellationToken);
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _calls, 0);
        Interlocked.Exchange(ref _texts, 0);
        Interlocked.Exchange(ref _characters, 0);
    }
}
