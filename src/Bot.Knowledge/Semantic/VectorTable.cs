using Bot.Knowledge.Indexing;
using Lucene.Net.Index;

namespace Bot.Knowledge.Semantic;

/// <summary>
/// The vectors of one index snapshot in memory: passage vectors in one flat array for a
/// brute-force scan (10,000 passages × 384 floats is 15 MB and a few hundred microseconds),
/// and each passage's sentence vectors for choosing the answer.
/// </summary>
internal sealed class VectorTable
{
    private readonly int _dimensions;
    private readonly int[] _docs;
    private readonly float[] _passageVectors;
    private readonly Dictionary<int, PassageVectors> _byDoc;

    private VectorTable(int dimensions, int[] docs, float[] passageVectors, Dictionary<int, PassageVectors> byDoc)
    {
        _dimensions = dimensions;
        _docs = docs;
        _passageVectors = passageVectors;
        _byDoc = byDoc;
    }

    public int Count => _docs.Length;

    public static VectorTable Load(IndexReader reader, int dimensions)
    {
        var fields = new HashSet<string> { IndexFields.Vectors };
        var live = MultiFields.GetLiveDocs(reader);
        var docs = new List<int>();
        var byDoc = new Dictionary<int, PassageVectors>();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc))
                continue;
            var bytes = reader.Document(doc, fields).GetBinaryValue(IndexFields.Vectors);
            if (bytes is null)
                continue;
            byDoc[doc] = PassageVectors.FromBytes(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length), dimensions);
            docs.Add(doc);
        }

        var flat = new float[docs.Count * dimensions];
        for (var i = 0; i < docs.Count; i++)
            byDoc[docs[i]].Passage.CopyTo(flat, i * dimensions);
        return new VectorTable(dimensions, docs.ToArray(), flat, byDoc);
    }

    public PassageVectors? Of(int doc) => _byDoc.GetValueOrDefault(doc);

    /// <summary>The passages most similar in meaning to the question, best first, with their cosine.</summary>
    public IReadOnlyList<(int Doc, float Cosine)> Nearest(float[] question, int count)
    {
        var best = new PriorityQueue<(int Doc, float Cosine), float>(count + 1);
        for (var i = 0; i < _docs.Length; i++)
        {
            var cosine = Semantic.Vectors.Dot(question, _passageVectors.AsSpan(i * _dimensions, _dimensions));
            if (best.Count < count)
                best.Enqueue((_docs[i], cosine), cosine);
            else if (cosine > best.Peek().Cosine)
                best.EnqueueDequeue((_docs[i], cosine), cosine);
        }

        var result = new (int, float)[best.Count];
        for (var i = result.Length - 1; i >= 0; i--)
            result[i] = best.Dequeue();
        return result;
    }
}
