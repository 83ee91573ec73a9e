using System.Runtime.InteropServices;

namespace Bot.Knowledge.Semantic;

/// <summary>The embeddings of one passage: of the whole paragraph, and of each of its sentences in order.</summary>
public sealed record PassageVectors(float[] Passage, IReadOnlyList<float[]> Sentences)
{
    /// <summary>All vectors back to back as little-endian floats: the passage's, then each sentence's.</summary>
    public byte[] ToBytes()
    {
        var dimensions = Passage.Length;
        var bytes = new byte[(1 + Sentences.Count) * dimensions * sizeof(float)];
        var floats = MemoryMarshal.Cast<byte, float>(bytes.AsSpan());
        Passage.CopyTo(floats);
        for (var i = 0; i < Sentences.Count; i++)
            Sentences[i].CopyTo(floats[((i + 1) * dimensions)..]);
        return bytes;
    }

    public static PassageVectors FromBytes(ReadOnlySpan<byte> bytes, int dimensions)
    {
        var floats = MemoryMarshal.Cast<byte, float>(bytes);
        var count = floats.Length / dimensions;
        if (count == 0 || floats.Length % dimensions != 0)
            throw new InvalidDataException($"stored vectors hold {floats.Length} floats, not a multiple of {dimensions}");
        var sentences = new float[count - 1][];
        for (var i = 1; i < count; i++)
            sentences[i - 1] = floats.Slice(i * dimensions, dimensions).ToArray();
        return new PassageVectors(floats[..dimensions].ToArray(), sentences);
    }
}
