using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Bot.Knowledge.Semantic;

/// <summary>
/// The embeddings of one passage: of the whole paragraph, of its heading, of each answer unit
/// (<see cref="Text.AnswerUnits"/>) alone and read with the unit before it, and of each unit's
/// clauses when it has more than one (<see cref="Text.AnswerUnits.Clauses"/>).
/// </summary>
public sealed record PassageVectors(float[] Passage, float[] Heading, IReadOnlyList<float[]> Units, IReadOnlyList<float[]> Contexts, IReadOnlyList<IReadOnlyList<float[]>> Clauses)
{
    /// <summary>
    /// A header of 32-bit integers (the unit count, then each unit's clause count), then every
    /// vector back to back as little-endian floats: passage, heading, units, contexts, clauses.
    /// </summary>
    public byte[] ToBytes()
    {
        if (Contexts.Count != Units.Count || Clauses.Count != Units.Count)
            throw new InvalidOperationException($"{Units.Count} units but {Contexts.Count} contexts and {Clauses.Count} clause lists");
        var dimensions = Passage.Length;
        var all = new List<float[]>(2 + 2 * Units.Count) { Passage, Heading };
        all.AddRange(Units);
        all.AddRange(Contexts);
        foreach (var clauses in Clauses)
            all.AddRange(clauses);
        var header = (1 + Units.Count) * sizeof(int);
        var bytes = new byte[header + all.Count * dimensions * sizeof(float)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, Units.Count);
        for (var i = 0; i < Units.Count; i++)
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan((1 + i) * sizeof(int)), Clauses[i].Count);
        var floats = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(header));
        for (var i = 0; i < all.Count; i++)
            all[i].CopyTo(floats[(i * dimensions)..]);
        return bytes;
    }

    public static PassageVectors FromBytes(ReadOnlySpan<byte> bytes, int dimensions)
    {
        if (bytes.Length < sizeof(int))
            throw new InvalidDataException("stored vectors have no header");
        var units = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var header = (1 + units) * sizeof(int);
        if (units < 0 || bytes.Length < header)
            throw new InvalidDataException($"stored vectors name {units} units but hold {bytes.Length} bytes");
        var clauseCounts = new int[units];
        for (var i = 0; i < units; i++)
            clauseCounts[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[((1 + i) * sizeof(int))..]);
        var floats = MemoryMarshal.Cast<byte, float>(bytes[header..]);
        var count = 2 + 2 * units + clauseCounts.Sum();
        if (clauseCounts.Any(c => c < 0) || floats.Length != count * dimensions)
            throw new InvalidDataException($"stored vectors hold {floats.Length} floats, not {count} vectors of {dimensions}");
        var all = new float[count][];
        for (var i = 0; i < count; i++)
            all[i] = floats.Slice(i * dimensions, dimensions).ToArray();
        var clauses = new IReadOnlyList<float[]>[units];
        var at = 2 + 2 * units;
        for (var i = 0; i < units; i++)
        {
            clauses[i] = all[at..(at + clauseCounts[i])];
            at += clauseCounts[i];
        }

        return new PassageVectors(all[0], all[1], all[2..(2 + units)], all[(2 + units)..(2 + 2 * units)], clauses);
    }
}
