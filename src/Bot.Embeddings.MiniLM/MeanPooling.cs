namespace Bot.Embeddings.MiniLM;

/// <summary>
/// Sentence vectors from a transformer's token vectors: the mean of the tokens the attention mask keeps,
/// scaled to unit length, as sentence-transformers pools. Sums run in token order, as the package's
/// encoder sums; its vectors and ours differ by at most a bit or two of a component (tested).
/// </summary>
internal static class MeanPooling
{
    private const float MaskEpsilon = 1e-9f;
    private const float NormEpsilon = 1e-12f;

    /// <param name="hidden">Token vectors, [texts, tokens, dimensions], row-major.</param>
    /// <param name="mask">Attention mask, [texts, tokens]: 1 for a token, 0 for padding.</param>
    public static float[][] PoolAndNormalize(ReadOnlySpan<float> hidden, ReadOnlySpan<long> mask, int texts, int tokens)
    {
        var dimensions = hidden.Length / (texts * tokens);
        var vectors = new float[texts][];
        for (var s = 0; s < texts; s++)
        {
            var vector = new float[dimensions];
            var kept = 0f;
            for (var t = 0; t < tokens; t++)
            {
                float weight = mask[(s * tokens) + t];
                kept += weight;
                if (weight == 0f)
                    continue; // adding weight × token would add zeros: the sum is the same without them

                var token = hidden.Slice(((s * tokens) + t) * dimensions, dimensions);
                for (var d = 0; d < dimensions; d++)
                    vector[d] += token[d] * weight;
            }

            var divisor = Math.Max(kept, MaskEpsilon);
            var squares = 0f;
            for (var d = 0; d < dimensions; d++)
            {
                vector[d] /= divisor;
                squares += vector[d] * vector[d];
            }

            var norm = Math.Max(MathF.Sqrt(squares), NormEpsilon);
            for (var d = 0; d < dimensions; d++)
                vector[d] /= norm;

            vectors[s] = vector;
        }

        return vectors;
    }
}
