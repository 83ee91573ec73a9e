namespace Bot.Knowledge.Semantic;

/// <summary>
/// Embeds questions through a bounded least-recently-used cache: the same question asked again
/// (a popular one, or "More passages" on an answer) skips the model entirely.
/// </summary>
public sealed class QuestionEmbeddings(ITextEmbedder embedder, int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, float[] Vector)>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, float[] Vector)> _recency = new();
    private readonly Lock _gate = new();

    public ITextEmbedder Embedder => embedder;

    public float[] Embed(string question) => Embed([question])[0];

    /// <summary>
    /// One vector per question, in order. The ones not cached go to the model in one call: a batch of
    /// short texts costs the model much less than the same texts one call each (docs/PERFORMANCE.md).
    /// </summary>
    public float[][] Embed(IReadOnlyList<string> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var keys = questions.Select(q => q.Trim()).ToArray();
        var vectors = new float[keys.Length][];
        var missing = new List<string>();
        lock (_gate)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                if (_index.TryGetValue(keys[i], out var hit))
                {
                    _recency.Remove(hit);
                    _recency.AddFirst(hit);
                    vectors[i] = hit.Value.Vector;
                }
                else if (!missing.Contains(keys[i], StringComparer.Ordinal))
                {
                    missing.Add(keys[i]);
                }
            }
        }

        if (missing.Count == 0)
            return vectors;

        var embedded = embedder.Embed(missing);
        lock (_gate)
        {
            for (var m = 0; m < missing.Count; m++)
                Remember(missing[m], embedded[m]);
        }

        for (var i = 0; i < keys.Length; i++)
            vectors[i] ??= embedded[missing.FindIndex(k => string.Equals(k, keys[i], StringComparison.Ordinal))];
        return vectors;
    }

    private void Remember(string key, float[] vector)
    {
        if (capacity <= 0 || _index.ContainsKey(key))
            return;
        _index[key] = _recency.AddFirst((key, vector));
        if (_index.Count > capacity)
        {
            _index.Remove(_recency.Last!.Value.Key);
            _recency.RemoveLast();
        }
    }
}
