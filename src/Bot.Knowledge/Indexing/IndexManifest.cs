namespace Bot.Knowledge.Indexing;

/// <summary>
/// What the index was built from: a content hash per knowledge file and the analysis chain's
/// version. Kept in the Lucene commit's user data, so it can never disagree with the index
/// it describes (both are written by the same atomic commit).
/// </summary>
public sealed record IndexManifest(string ChainVersion, IReadOnlyDictionary<string, string> FileHashes)
{
    private const string ChainKey = "chain";
    private const string ModelKey = "model";
    private const string FilePrefix = "file:";
    private const string UnembeddedPrefix = "unembedded:";

    /// <summary>The embedding model whose vectors the index holds, or empty for a lexical-only index.</summary>
    public string EmbeddingModel { get; init; } = "";

    /// <summary>
    /// Files whose passages are indexed by their words but still wait for their vectors: a cold
    /// start writes the words first, so the bot answers at once, and embeds them afterwards.
    /// Empty when every passage has its vectors (or the index stores none).
    /// </summary>
    public IReadOnlySet<string> Unembedded { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static IndexManifest Empty { get; } = new("", new Dictionary<string, string>());

    public static IndexManifest FromCommitData(IDictionary<string, string>? data)
    {
        if (data is null)
            return Empty;
        return new IndexManifest(data.TryGetValue(ChainKey, out var chain) ? chain : "", WithPrefix(data, FilePrefix))
        {
            EmbeddingModel = data.TryGetValue(ModelKey, out var model) ? model : "",
            Unembedded = WithPrefix(data, UnembeddedPrefix).Keys.ToHashSet(StringComparer.Ordinal),
        };
    }

    public Dictionary<string, string> ToCommitData()
    {
        var data = FileHashes.ToDictionary(kv => FilePrefix + kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var path in Unembedded)
            data[UnembeddedPrefix + path] = "";
        data[ChainKey] = ChainVersion;
        data[ModelKey] = EmbeddingModel;
        return data;
    }

    private static Dictionary<string, string> WithPrefix(IDictionary<string, string> data, string prefix) =>
        data.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value, StringComparer.Ordinal);
}
