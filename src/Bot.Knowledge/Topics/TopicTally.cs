namespace Bot.Knowledge.Topics;

/// <summary>Topics by folded key while they are being found: how often each is named, in which spellings, and as what.</summary>
internal sealed class TopicTally
{
    public Dictionary<string, NameTally> Entries { get; } = new(StringComparer.Ordinal);

    public void Record(string name, TopicKinds kind)
    {
        var key = FoldedText.Fold(name);
        if (key.Length == 0 || !key.Any(char.IsLetterOrDigit))
            return;
        if (!Entries.TryGetValue(key, out var entry))
            Entries[key] = entry = new NameTally();
        entry.Count++;
        entry.Kinds |= kind;
        // Tags are written for machines ("roh-family"): a spelling from the text wins.
        entry.Spellings[name] = entry.Spellings.GetValueOrDefault(name) + (kind == TopicKinds.Tag ? 0 : 1);
    }

    public void Add(string key, NameTally other)
    {
        if (!Entries.TryGetValue(key, out var entry))
        {
            Entries[key] = other;
            return;
        }

        entry.Count += other.Count;
        entry.Kinds |= other.Kinds;
        foreach (var (spelling, count) in other.Spellings)
            entry.Spellings[spelling] = entry.Spellings.GetValueOrDefault(spelling) + count;
    }

    /// <summary>Each topic under its most frequent spelling; names longer than a suggestion may be are left out.</summary>
    public IReadOnlyList<Topic> ToTopics() =>
        Entries
            .Select(kv => new Topic(
                kv.Value.Spellings.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key,
                kv.Key,
                kv.Value.Count,
                kv.Value.Kinds))
            .Where(t => t.Name.Length <= TopicCatalog.MaxNameLength && t.Key.Length <= TopicCatalog.MaxNameLength)
            .ToArray();

    internal sealed class NameTally
    {
        public int Count { get; set; }

        public TopicKinds Kinds { get; set; }

        public Dictionary<string, int> Spellings { get; } = new(StringComparer.Ordinal);
    }
}
