using Bot.Embeddings.MiniLM;
using Bot.Knowledge.Semantic;

namespace Bot.Benchmarks;

/// <summary>
/// Stand-in vectors for building a large index quickly: a deterministic pseudo-random unit vector
/// per text (seeded by a stable hash of it), under the real model's <see cref="ModelId"/> and
/// dimensions, so the index it builds is one the real <see cref="MiniLmEmbedder"/> opens as its own
/// (nothing re-embedded) and questions are then embedded by the real model.
/// </summary>
/// <remarks>
/// Embedding the 10,000-passage corpus for real takes about 18 minutes on 2 cores (see
/// docs/PERFORMANCE.md), too long to repeat for every benchmark launch. Question-time cost does not
/// depend on what the stored vectors say: the scan over every passage vector, the fusion and the
/// sentence similarities of 8 candidates cost the same. What differs is which passages the semantic
/// ranking returns (here, unrelated ones), so answers are not meaningful, only timings are.
/// </remarks>
internal sealed class SyntheticEmbedder : ITextEmbedder
{
    public const int ModelDimensions = 384;

    /// <summary>The real model's id, so its index is the real model's index.</summary>
    public static readonly string RealModelId = ModelIdOfRealModel();

    public string ModelId => RealModelId;

    public int Dimensions => ModelDimensions;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var vectors = new float[texts.Count][];
        for (var t = 0; t < texts.Count; t++)
        {
            var random = new Random(StableHash(texts[t]));
            var vector = new float[ModelDimensions];
            var norm = 0.0;
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = (float)(random.NextDouble() * 2 - 1);
                norm += vector[i] * vector[i];
            }

            var scale = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < vector.Length; i++)
                vector[i] *= scale;
            vectors[t] = vector;
        }

        return vectors;
    }

    private static int StableHash(string text)
    {
        var hash = 2166136261u; // FNV-1a: string.GetHashCode differs between processes
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }

    private static string ModelIdOfRealModel()
    {
        // The id is a constant of the embedder; constructing one does not load the model.
        using var model = new MiniLmEmbedder(1);
        return model.ModelId;
    }
}
