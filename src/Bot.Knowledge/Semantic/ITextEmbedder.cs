namespace Bot.Knowledge.Semantic;

/// <summary>
/// A sentence-embedding model: text in, unit-length vectors out, so that a dot product is the
/// cosine similarity. The knowledge side depends only on this, so another model can replace
/// the one the host wires in.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Names the model and its version. Stored with the index: vectors of another model are never mixed in.</summary>
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>One unit-length vector per text, in order. Safe to call from several threads.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
