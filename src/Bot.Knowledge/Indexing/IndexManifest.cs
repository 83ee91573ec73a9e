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

    /// <summary>The embedding model whose vectors the index holds, or empty for a lexical-only index.</summary>
    public string EmbeddingModel { get; init; } = "";
    private const string FilePrefix = "file:";

    public static IndexManifest Empty { get; } = new("", new Dictionary<string, string>());

    public static IndexManifest FromCommitData(IDictionary<string, string>? data)
    {
        if (data is null)
            return Empty;
        var files = data.Where(kv => kv.Key.StartsWith(FilePrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[FilePrefix.Length..], kv => kv.Value, StringComparer.Ordinal);
        return new IndexManifest(data.TryGetValue(ChainKey, out var chain) ? chain : "", files)
        {
            EmbeddingModel = data.TryGetValue(ModelKey, out var model) ? model : "",
        };
    }

    public Dictionary<string, string> ToCommitData()
    {
        var data = FileHashes.ToDictionary(kv => FilePrefix + kv.Key, kv => kv.Value, StringComparer.Ordinal);
        data[ChainKey] = ChainVersion;
        data[ModelKey] = EmbeddingModel;
        return data;
    }
}
