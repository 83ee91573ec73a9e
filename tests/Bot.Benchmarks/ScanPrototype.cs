using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Bot.Knowledge.Semantic;

namespace Bot.Benchmarks;

/// <summary>
/// A prototype of a cheaper passage scan, to size the fix suggested in docs/PERFORMANCE.md. At
/// 10,000 passages <c>VectorTable.Nearest</c> streams 15 MB of floats per question, more than the
/// caches hold, and is bound by memory bandwidth (a dot product with four accumulators is no faster).
/// Here every passage vector is quantised to 8-bit integers (one scale per vector, a quarter of the
/// bytes), scanned with integer multiply-adds for the best <c>4 × count</c>, which are then
/// re-ranked by the exact float cosine.
/// </summary>
internal sealed class ScanPrototype
{
    private readonly int dimensions;
    private readonly int[] docs;
    private readonly sbyte[] quantized;
    private readonly float[] scales;
    private readonly float[][] exact;

    public ScanPrototype(IReadOnlyList<(int Doc, float[] Vector)> passages)
    {
        dimensions = passages[0].Vector.Length;
        if (dimensions % 32 != 0)
            throw new ArgumentException("the prototype wants a multiple of 32 dimensions");
        docs = passages.Select(p => p.Doc).ToArray();
        exact = passages.Select(p => p.Vector).ToArray();
        quantized = new sbyte[passages.Count * dimensions];
        scales = new float[passages.Count];
        for (var i = 0; i < passages.Count; i++)
        {
            var vector = passages[i].Vector;
            scales[i] = vector.Max(MathF.Abs) / 127f;
            for (var d = 0; d < dimensions; d++)
                quantized[i * dimensions + d] = (sbyte)MathF.Round(vector[d] / scales[i]);
        }
    }

    public IReadOnlyList<(int Doc, float Cosine)> Nearest(float[] question, int count)
    {
        var qscale = question.Max(MathF.Abs) / 127f;
        var q = new short[dimensions];
        for (var d = 0; d < dimensions; d++)
            q[d] = (short)MathF.Round(question[d] / qscale);

        var shortlist = Math.Min(4 * count, docs.Length);
        var best = new PriorityQueue<int, float>(shortlist + 1);
        for (var i = 0; i < docs.Length; i++)
        {
            var approximate = Dot(q, quantized.AsSpan(i * dimensions, dimensions)) * scales[i];
            if (best.Count < shortlist)
                best.Enqueue(i, approximate);
            else if (best.TryPeek(out _, out var worst) && approximate > worst)
                best.EnqueueDequeue(i, approximate);
        }

        var reranked = new List<(int Doc, float Cosine)>(shortlist);
        while (best.TryDequeue(out var i, out _))
            reranked.Add((docs[i], Vectors.Dot(question, exact[i])));
        return reranked.OrderByDescending(r => r.Cosine).Take(count).ToArray();
    }

    private static int Dot(ReadOnlySpan<short> q, ReadOnlySpan<sbyte> v)
    {
        if (!Avx2.IsSupported)
        {
            var scalar = 0;
            for (var d = 0; d < v.Length; d++)
                scalar += q[d] * v[d];
            return scalar;
        }

        var sum = Vector256<int>.Zero;
        for (var i = 0; i < v.Length; i += 32)
        {
            var bytes = Vector256.Create(v[i..]);
            var low = Avx2.ConvertToVector256Int16(bytes.GetLower());
            var high = Avx2.ConvertToVector256Int16(bytes.GetUpper());
            sum = Avx2.Add(sum, Avx2.MultiplyAddAdjacent(low, Vector256.Create(q[i..])));
            sum = Avx2.Add(sum, Avx2.MultiplyAddAdjacent(high, Vector256.Create(q[(i + 16)..])));
        }

        return Vector256.Sum(sum);
    }
}
