using System.Runtime.InteropServices;

namespace Bot.Knowledge.Semantic;

/// <summary>
/// The embeddings of one passage: of the whole paragraph, of its heading, and of each answer
/// unit (<see cref="Text.AnswerUnits"/>) twice: alone, and read with the unit before it.
/// </summary>
public sealed record PassageVectors(float[] Passage, float[] Heading, IReadOnlyList<float[]> Units, IReadOnlyList<float[]> Contexts)
{
    /// <summary>All vectors back to back as little-endian floats: passage, heading, each unit, each unit's context.</summary>
    public byte[] ToBytes()
    {
        if (Contexts.Count != Units.Count)
            throw new InvalidOperationException($"{Units.Count} units but {Contexts.Count} contexts");
        var dimensions = Passage.Length;
        var all = new List<float[]>(2 + 2 * Units.Count) { Passage, Heading };
        all.AddRange(Units);
        all.AddRange(Contexts);
        var bytes = new byte[all.Count * dimensions * sizeof(float)];
        var floats = MemoryMarshal.Cast<byte, float>(bytes.AsSpan());
        for (var i = 0; i < all.Count; i++)
            all[i].CopyTo(floats[(i * dimensions)..]);
        return bytes;
    }

    public static PassageVectors FromBytes(ReadOnlySpan<byte> bytes, int dimensions)
    {
        var floats = MemoryMarshal.Cast<byte, float>(bytes);
        var count = floats.Length / dimensions;
        if (count < 2 || floats.Length % dimensions != 0 || count % 2 != 0)
            throw new InvalidDataException($"stored vectors hold {floats.Length} floats, not passage, heading and pairs of {dimensions}");
        var units = (count - 2) / 2;
        var all = new float[count][];
        for (var i = 0; i < count; i++)
            all[i] = floats.Slice(i * dimensions, dimensions).ToArray();
        return new PassageVectors(all[0], all[1], all[2..(2 + units)], all[(2 + units)..]);
    }
}
