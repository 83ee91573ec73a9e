using Bot.Knowledge.Analysis;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Text;
using Lucene.Net.Analysis;

namespace Bot.Knowledge.Topics;

/// <summary>A sentence of the knowledge about a topic, with where the topic is named in it.</summary>
/// <param name="Sentence">Where the sentence sits in <see cref="Passage.Text"/>.</param>
/// <param name="Bold">Spans of <see cref="Passage.Text"/> inside the sentence that name the topic (or hold its words).</param>
public sealed record TopicSentence(Passage Passage, TextSpan Sentence, IReadOnlyList<TextSpan> Bold);

/// <summary>
/// What the knowledge says about a person, place, organisation or subject, as a few of its
/// sentences in reading order. They are chosen in this order: those of the sections or documents
/// the topic names, then those that name it (case and accents ignored), then those holding all its
/// words, their synonyms or near spellings (as the search finds them); within each, from the
/// passages the search ranks first.
/// </summary>
public sealed class TopicSentences
{
    /// <summary>Passages the search brings for a topic, whose sentences compete.</summary>
    private const int SearchDepth = 30;

    private static readonly Analyzer Stems = TextAnalysis.CreateIndexAnalyzer();

    private readonly Dictionary<(string Passage, int Start), Chosen> _candidates = [];
    private readonly Dictionary<string, int> _documentOrder;
    private readonly string _phrase;
    private int _rank;

    private TopicSentences(IndexContents contents, string phrase)
    {
        _documentOrder = contents.Documents.Select((d, i) => (d.Path, i)).ToDictionary(p => p.Path, p => p.i, StringComparer.Ordinal);
        _phrase = phrase;
    }

    /// <summary>At most <paramref name="max"/> sentences about what was typed, in reading order; none when the knowledge says nothing about it.</summary>
    /// <param name="topic">The topic the typed text names (<see cref="TopicCatalog.Find"/>), or null for any other text.</param>
    /// <param name="search">The knowledge's search: the passages that best match a few words, best first, with where they match.</param>
    public static IReadOnlyList<TopicSentence> Find(
        string typed, Topic? topic, IndexContents contents, Func<string, int, IReadOnlyList<PassageHit>> search, int max)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(contents);
        ArgumentNullException.ThrowIfNull(search);
        var found = new TopicSentences(contents, topic?.Key ?? FoldedText.Fold(typed));
        if (topic is not null && (topic.Kinds & (TopicKinds.Section | TopicKinds.Document)) != 0)
            found.FromHeadings(contents, topic);
        found.FromSearch(search, topic?.Name ?? typed);
        return found._candidates.Values
            .OrderBy(c => c.Tier)
            .ThenBy(c => c.Rank)
            .Take(max)
            .OrderBy(c => c.Document)
            .ThenBy(c => c.Passage.Ordinal)
            .ThenBy(c => c.Sentence.Start)
            .Select(c => new TopicSentence(c.Passage, c.Sentence, c.Bold))
            .ToArray();
    }

    /// <summary>Every sentence of the sections or documents the topic names.</summary>
    private void FromHeadings(IndexContents contents, Topic topic)
    {
        foreach (var document in contents.Documents)
        {
            var wholeDocument = topic.Kinds.HasFlag(TopicKinds.Document) && FoldedText.Fold(document.Title) == _phrase;
            foreach (var passage in document.Passages)
            {
                if (!wholeDocument && !(topic.Kinds.HasFlag(TopicKinds.Section) && FoldedText.Fold(passage.Section) == _phrase))
                    continue;
                foreach (var sentence in SentenceSplitter.Spans(passage.Text))
                    Offer(passage, sentence, 0, FoldedText.Occurrences(passage.Text, sentence, _phrase));
            }
        }
    }

    /// <summary>Sentences that name the topic, then those with all its words, from the passages the search ranks first.</summary>
    private void FromSearch(Func<string, int, IReadOnlyList<PassageHit>> search, string query)
    {
        var words = Terms(query).Count;
        foreach (var hit in search(query, SearchDepth))
        {
            var text = hit.Passage.Text;
            foreach (var sentence in SentenceSplitter.Spans(text))
            {
                var mentions = FoldedText.Occurrences(text, sentence, _phrase);
                if (mentions.Count > 0)
                {
                    Offer(hit.Passage, sentence, 1, mentions);
                    continue;
                }

                var matched = hit.Matches.Where(sentence.Contains).ToArray();
                var stems = matched.SelectMany(m => Terms(text.Substring(m.Start, m.Length))).ToHashSet(StringComparer.Ordinal);
                if (words > 0 && stems.Count >= words)
                    Offer(hit.Passage, sentence, 2, matched);
            }
        }
    }

    /// <summary>A sentence found again keeps its best tier and its first rank.</summary>
    private void Offer(Passage passage, TextSpan sentence, int tier, IReadOnlyList<TextSpan> bold)
    {
        var chosen = new Chosen(passage, sentence, tier, _rank++, bold, _documentOrder.GetValueOrDefault(passage.Path, int.MaxValue));
        if (!_candidates.TryGetValue((passage.Id, sentence.Start), out var known) || known.Tier > tier)
            _candidates[(passage.Id, sentence.Start)] = chosen;
    }

    private static List<string> Terms(string text) => TextAnalysis.Terms(Stems, text).Distinct(StringComparer.Ordinal).ToList();

    /// <param name="Tier">0: in a section or document the topic names; 1: names the topic; 2: holds all its words.</param>
    /// <param name="Rank">Order of discovery: the search's best passages first.</param>
    /// <param name="Document">The document's place in reading order.</param>
    private sealed record Chosen(Passage Passage, TextSpan Sentence, int Tier, int Rank, IReadOnlyList<TextSpan> Bold, int Document);
}
