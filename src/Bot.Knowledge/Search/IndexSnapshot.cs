using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Semantic;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Bot.Knowledge.Search;

/// <summary>
/// What questions need to know about one searcher snapshot, held in memory for as long as the
/// snapshot lives: every term's document frequency (so a question's words are looked up in a
/// dictionary, not sought in the index twice), near spellings of unknown words, and the
/// passages already loaded from stored fields. Built on first use after each refresh.
/// </summary>
internal sealed class IndexSnapshot
{
    /// <summary>Unknown words whose near spellings are kept at most, per snapshot.</summary>
    internal const int NearSpellingsLimit = 10_000;

    private static readonly ConditionalWeakTable<IndexReader, IndexSnapshot> Snapshots = new();

    private readonly Dictionary<string, int> _textFrequencies;
    private readonly Dictionary<string, int> _contextFrequencies;
    private readonly Dictionary<char, string[]> _termsByInitial;
    // Keyed by words members typed that the index lacks: anyone can send new ones with every question,
    // so the cache is bounded (emptied when full; a lookup costs a scan of one initial's terms).
    private readonly ConcurrentDictionary<string, string[]> _nearSpellings = new(StringComparer.Ordinal);
    private readonly Passage?[] _passages;
    private volatile VectorTable? _vectors;
    private readonly Lock _vectorsLoading = new();
    private volatile IReadOnlyList<KnowledgeDocument>? _documents;
    private readonly Lock _documentsLoading = new();
    private volatile NameVariants? _names;
    private volatile FullNames? _fullNames;

    private static readonly ISet<string> PassageFields = new HashSet<string>
    {
        IndexFields.Path, IndexFields.Ordinal, IndexFields.Title, IndexFields.Section, IndexFields.Source, IndexFields.Text,
    };

    private static readonly ISet<string> DocumentFields = new HashSet<string>(PassageFields) { IndexFields.Tags };

    private IndexSnapshot(IndexReader reader)
    {
        DocCount = Math.Max(reader.NumDocs, 1);
        _textFrequencies = Frequencies(reader, IndexFields.Text);
        _contextFrequencies = Frequencies(reader, IndexFields.Context);
        _termsByInitial = _textFrequencies.Keys
            .Where(t => t.Length > 0 && t.All(char.IsLetter))
            .GroupBy(t => t[0])
            .ToDictionary(g => g.Key, g => g.ToArray());
        _passages = new Passage?[reader.MaxDoc];
    }

    public int DocCount { get; }

    /// <summary>How many unknown words' near spellings are cached now (at most <see cref="NearSpellingsLimit"/>).</summary>
    internal int CachedNearSpellings => _nearSpellings.Count;

    public static IndexSnapshot Of(IndexSearcher searcher) => Snapshots.GetValue(searcher.IndexReader, r => new IndexSnapshot(r));

    public int TextFrequency(string term) => _textFrequencies.GetValueOrDefault(term);

    public int ContextFrequency(string term) => _contextFrequencies.GetValueOrDefault(term);

    /// <summary>The passage stored for a document, loaded once per snapshot.</summary>
    public Passage Passage(IndexSearcher searcher, int doc) =>
        _passages[doc] ??= KnowledgeIndex.FromLucene(searcher.Doc(doc, PassageFields));

    /// <summary>Every live passage's vectors, loaded once per snapshot on the first question that needs them.</summary>
    public VectorTable Vectors(IndexSearcher searcher, int dimensions)
    {
        var table = _vectors;
        if (table is not null)
            return table;
        lock (_vectorsLoading)
            return _vectors ??= VectorTable.Load(searcher.IndexReader, dimensions);
    }

    /// <summary>Every live document, by path, rebuilt from its passages once per snapshot.</summary>
    public IReadOnlyList<KnowledgeDocument> Documents(IndexSearcher searcher)
    {
        var loaded = _documents;
        if (loaded is not null)
            return loaded;
        lock (_documentsLoading)
            return _documents ??= LoadDocuments(searcher);
    }

    /// <summary>The knowledge's names and words, for reading misspelt names in questions; built once per snapshot.</summary>
    public NameVariants Names(IndexSearcher searcher) =>
        _names ??= new NameVariants(Documents(searcher).SelectMany(d => d.Passages));

    /// <summary>The fullest form each document gives its names, for naming a pronoun's subject; built once per snapshot.</summary>
    public FullNames FullNames(IndexSearcher searcher) =>
        _fullNames ??= new FullNames(Documents(searcher));

    private KnowledgeDocument[] LoadDocuments(IndexSearcher searcher)
    {
        var reader = searcher.IndexReader;
        var live = MultiFields.GetLiveDocs(reader);
        var byPath = new Dictionary<string, (List<Passage> Passages, string[] Tags)>(StringComparer.Ordinal);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc))
                continue;
            var stored = searcher.Doc(doc, DocumentFields);
            var passage = _passages[doc] ??= KnowledgeIndex.FromLucene(stored);
            if (!byPath.TryGetValue(passage.Path, out var document))
                byPath[passage.Path] = document = ([], stored.GetValues(IndexFields.Tags, CultureInfo.InvariantCulture) ?? []);
            document.Passages.Add(passage);
        }

        return byPath
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv =>
            {
                var ordered = kv.Value.Passages.OrderBy(p => p.Ordinal).ToArray();
                return new KnowledgeDocument(kv.Key, ordered[0].Title, ordered[0].Source, kv.Value.Tags, ordered);
            })
            .ToArray();
    }

    /// <summary>
    /// The index's closest spellings of a stem it lacks ("madelin" → "madelein"): same first
    /// letter, one edit (two from ten letters), a swap of neighbours counting as one.
    /// </summary>
    public IReadOnlyList<string> NearSpellings(string stem)
    {
        // Short words have too many neighbours one edit away to guess safely.
        if (stem.Length < 5 || !stem.All(char.IsLetter))
            return [];
        if (_nearSpellings.TryGetValue(stem, out var known))
            return known;
        if (_nearSpellings.Count >= NearSpellingsLimit)
            _nearSpellings.Clear();
        return _nearSpellings.GetOrAdd(stem, s =>
        {
            if (!_termsByInitial.TryGetValue(s[0], out var candidates))
                return [];
            var maxEdits = s.Length >= 10 ? 2 : 1;
            var best = maxEdits + 1;
            var found = new List<string>();
            foreach (var term in candidates)
            {
                if (Math.Abs(term.Length - s.Length) > maxEdits)
                    continue;
                var distance = EditDistance.Bounded(s, term, Math.Min(best, maxEdits));
                if (distance < best)
                {
                    best = distance;
                    found.Clear();
                }

                if (distance == best && distance <= maxEdits)
                    found.Add(term);
            }

            return found.OrderByDescending(TextFrequency).Take(8).ToArray();
        });
    }

    private static Dictionary<string, int> Frequencies(IndexReader reader, string field)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
            return frequencies;
        var iterator = terms.GetEnumerator();
        while (iterator.MoveNext())
            frequencies[iterator.Term.Utf8ToString()] = iterator.DocFreq;
        return frequencies;
    }
}
