using System.Collections.Concurrent;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Mentions;
using Bot.Knowledge.Text;

namespace Bot.Knowledge.Answering;

/// <summary>
/// The fullest form a document gives a name: an article introduces "this Pastor, Seungeun Kim"
/// once and calls him "Pastor Kim" after. A shorter name is the longer one when its words, titles
/// left aside, end the longer one's ("Kim" ends "Seungeun Kim", not "Kim Jong Un") and no other
/// name of the same document ends with them too (two Kims leave "Pastor Kim" as it is). Names are
/// read per document, so one article's Kim never lends his given name to another's.
/// </summary>
internal sealed class FullNames
{
    private readonly Dictionary<string, KnowledgeDocument> _documents;
    private readonly ConcurrentDictionary<string, string[][]> _names = new(StringComparer.Ordinal);

    public FullNames(IEnumerable<KnowledgeDocument> documents) =>
        _documents = documents.ToDictionary(d => d.Path, StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="name"/> in its fullest form in the document at <paramref name="path"/>, its
    /// titles kept ("Pastor Kim" → "Pastor Seungeun Kim"); as given when there is none or more than one.
    /// </summary>
    public string Of(string path, string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var titles = words.TakeWhile(NameWords.Titles.Contains).Count();
        var core = words[titles..];
        if (core.Length == 0)
            return name;
        string[]? fullest = null;
        foreach (var candidate in NamesIn(path))
        {
            if (candidate.Length <= core.Length || !candidate.AsSpan(candidate.Length - core.Length).SequenceEqual(core, StringComparer.OrdinalIgnoreCase))
                continue;
            if (fullest is not null && !fullest.SequenceEqual(candidate, StringComparer.OrdinalIgnoreCase))
                return name; // two people share the name's last words: which one is meant is not ours to guess
            fullest = candidate;
        }

        return fullest is null ? name : string.Join(' ', words[..titles].Concat(fullest));
    }

    /// <summary>Every name of the document, without leading titles; read on the first pronoun that needs them.</summary>
    private string[][] NamesIn(string path) =>
        _names.GetOrAdd(path, p => _documents.TryGetValue(p, out var document) ? Read(document) : []);

    private static string[][] Read(KnowledgeDocument document)
    {
        var sentences = document.Passages.SelectMany(p => SentenceSplitter.Split(p.Text)).ToArray();
        var evidence = NameEvidence.Of(sentences);
        return sentences
            .SelectMany(s => NameFinder.Names(s, evidence))
            .Select(run => run.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(NameWords.Titles.Contains).ToArray())
            .Where(words => words.Length > 1)
            .DistinctBy(words => string.Join(' ', words).ToLowerInvariant())
            .ToArray();
    }
}
