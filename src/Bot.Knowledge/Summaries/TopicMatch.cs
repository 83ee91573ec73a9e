using Bot.Knowledge.Answering;
using Bot.Knowledge.Search;

namespace Bot.Knowledge.Summaries;

/// <summary>
/// How much of a topic a sentence, a heading or a title says. The topic is analysed like a
/// question (stems, synonyms, near spellings, IDF weights), so "movie" finds "documentary" and
/// "Gavinn" finds "Gavin". Every word of it must be known to the knowledge: a summary about
/// "Kim's childhood" from knowledge that never mentions a childhood would be about something else.
/// </summary>
internal sealed class TopicMatch
{
    private readonly IReadOnlyList<Concept> _concepts;
    private readonly float _total;
    private readonly HashSet<string> _topicTerms;

    private TopicMatch(IReadOnlyList<Concept> concepts)
    {
        _concepts = concepts;
        _total = concepts.Sum(c => c.Weight);
        _topicTerms = concepts.SelectMany(c => c.Variants.Keys).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The topic's match, or null when it has no words or a word the knowledge never uses.</summary>
    public static TopicMatch? Of(string topic, KnowledgeStore store, IndexSnapshot snapshot)
    {
        var concepts = QuestionAnalysis.Analyze(topic, store.QueryAnalyzer, snapshot);
        return concepts.Count == 0 || concepts.Any(c => !c.Known) || concepts.Sum(c => c.Weight) <= 0 ? null : new TopicMatch(concepts);
    }

    /// <summary>Share of the topic's weight among a heading's or title's stems.</summary>
    public float Cover(IReadOnlySet<string> terms) => _concepts.Sum(c => c.Weight * c.MatchIn(terms)) / _total;

    /// <summary>Share of the topic's weight the sentence says, a name's word counting only where it is not part of another name.</summary>
    public float Cover(AnalyzedSentence sentence)
    {
        var words = sentence.Words;
        var covered = 0f;
        for (var i = 0; i < _concepts.Count; i++)
        {
            var best = 0f;
            for (var k = 0; k < words.Count; k++)
            {
                if (words[k].Term is { } term && _concepts[i].Variants.TryGetValue(term, out var credit) && credit > best && !Clashes(words, k, i))
                    best = credit;
            }

            covered += _concepts[i].Weight * best;
        }

        return covered / _total;
    }

    /// <summary>
    /// Whether a word of a topic of several words stands beside a capitalised word the topic does
    /// not hold, on the side where the topic goes on: then it belongs to another name. "Korea" in
    /// "South Korea" is not the "Korea" of "North Korea", nor "North" in "North Korean"; "Gavin" in
    /// "Gavin, the director" is still the "Gavin" of "Madeleine Gavin".
    /// </summary>
    private bool Clashes(IReadOnlyList<SurfaceWord> words, int at, int concept)
    {
        if (_concepts.Count < 2)
            return false;
        bool Foreign(int j) =>
            j >= 0 && j < words.Count && words[j].Capitalized && !words[j].SentenceInitial && words[j].Term is { } t && !_topicTerms.Contains(t);
        return (concept > 0 && Foreign(at - 1)) || (concept < _concepts.Count - 1 && Foreign(at + 1));
    }
}
