using System.Collections.Frozen;
using Bot.Knowledge.Indexing;

namespace Bot.Knowledge.Topics;

/// <summary>
/// The topics of one version of the knowledge, held in memory for suggestions while a member
/// types: prefix and substring matches on folded names (case and accents ignored), names that
/// start with the typed text first, then those with a word that does, then the rest, each group
/// by how often the knowledge names them.
/// </summary>
public sealed class TopicCatalog
{
    /// <summary>Discord's limit on a suggestion's name and value; longer topics are not offered.</summary>
    public const int MaxNameLength = 100;

    private readonly Topic[] _topics;
    private readonly string[] _keys;
    private readonly FrozenDictionary<string, Topic> _byKey;

    public TopicCatalog(long version, IEnumerable<Topic> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        Version = version;
        _topics = topics
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .DistinctBy(t => t.Key, StringComparer.Ordinal)
            .ToArray();
        _keys = _topics.Select(t => t.Key).ToArray();
        _byKey = _topics.ToFrozenDictionary(t => t.Key, StringComparer.Ordinal);
    }

    public static TopicCatalog Empty { get; } = new(0, []);

    /// <summary>The topics of one snapshot of the knowledge (<see cref="TopicExtractor"/>): reads every sentence, so callers keep the result until the version changes.</summary>
    public static TopicCatalog Of(IndexContents contents) => TopicExtractor.Extract(contents);

    /// <summary>The version of the knowledge the topics were read from (<see cref="IndexContents.Version"/>).</summary>
    public long Version { get; }

    /// <summary>Most named first.</summary>
    public IReadOnlyList<Topic> Topics => _topics;

    /// <summary>The topic whose name folds to the same text as <paramref name="typed"/>, or null.</summary>
    public Topic? Find(string typed) => _byKey.GetValueOrDefault(FoldedText.Fold(typed ?? ""));

    /// <summary>At most <paramref name="max"/> topics matching what was typed, best first; the most named when nothing was.</summary>
    public IReadOnlyList<Topic> Suggest(string? typed, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var query = FoldedText.Fold(typed ?? "");
        if (query.Length == 0)
            return _topics.Length <= max ? _topics : _topics[..max];
        if (query.Length > MaxNameLength)
            return [];

        // Rank in the high bits, position in the most-named order in the low ones: one sort of longs.
        var found = new List<long>();
        for (var i = 0; i < _keys.Length; i++)
        {
            var rank = Rank(_keys[i], query);
            if (rank >= 0)
                found.Add(((long)rank << 32) | (uint)i);
        }

        found.Sort();
        var count = Math.Min(max, found.Count);
        var result = new Topic[count];
        for (var i = 0; i < count; i++)
            result[i] = _topics[(int)(found[i] & uint.MaxValue)];
        return result;
    }

    /// <summary>0: the name starts with the query; 1: one of its words does; 2: it holds it elsewhere; -1: it does not.</summary>
    private static int Rank(string key, string query)
    {
        var at = key.IndexOf(query, StringComparison.Ordinal);
        if (at < 0)
            return -1;
        if (at == 0)
            return 0;
        for (; at >= 0; at = key.IndexOf(query, at + 1, StringComparison.Ordinal))
        {
            if (!char.IsLetterOrDigit(key[at - 1]))
                return 1;
        }

        return 2;
    }
}
