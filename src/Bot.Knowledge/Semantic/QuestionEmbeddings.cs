namespace Bot.Knowledge.Semantic;

/// <summary>
/// Embeds questions through a bounded least-recently-used cache: the same question asked again
/// (a popular one, or "More passages" on an answer) skips the model entirely.
/// </summary>
public sealed class QuestionEmbeddings(ITextEmbedder embedder, int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, float[] Vector)>> index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, float[] Vector)> recency = new();
    private readonly Lock gate = new();

    public ITextEmbedder Embedder => embedder;

    public float[] Embed(string question)
    {
        var key = question.Trim();
        lock (gate)
        {
            if (index.TryGetValue(key, out var hit))
            {
                recency.Remove(hit);
                recency.AddFirst(hit);
                return hit.Value.Vector;
            }
        }

        var vector = embedder.Embed([key])[0];
        lock (gate)
        {
            if (capacity <= 0 || index.ContainsKey(key))
                return vector;
            index[key] = recency.AddFirst((key, vector));
            if (index.Count > capacity)
            {
                index.Remove(recency.Last!.Value.Key);
                recency.RemoveLast();
            }
        }

        return vector;
    }
}
