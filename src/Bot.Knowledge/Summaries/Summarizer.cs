using Bot.Knowledge.Search;

namespace Bot.Knowledge.Summaries;

/// <summary>
/// Extractive summaries: a few sentences of the knowledge, chosen and never rewritten.
/// <para>
/// Without a topic, a sentence is worth its centrality: the cosine of its TF-IDF vector with the
/// centroid of all sentences (what the knowledge talks about most), with a little extra for
/// opening a paragraph. With a topic (see <see cref="TopicMatch"/>), only sentences that cover at
/// least <see cref="MinTopicCoverage"/> of its weight, themselves or through their section
/// heading, take part (a topic only a document's title names falls back to that document's
/// sentences); their worth is how much of the topic they say, then centrality among them.
/// </para>
/// <para>
/// Sentences are then picked by maximal marginal relevance: each next one is the best trade of its
/// own worth against its similarity to those already picked, near-duplicates (cosine of at least
/// <see cref="NearDuplicate"/>) are never picked together, and the same text is never picked twice.
/// A sentence that would overrun the character budget is passed over, never cut. The result is
/// put back in reading order.
/// </para>
/// </summary>
public sealed class Summarizer(KnowledgeStore store)
{
    public const int MinSentences = 3;
    public const int MaxSentences = 6;
    public const int DefaultSentences = 5;

    /// <summary>An embed description's limit.</summary>
    public const int DefaultMaxCharacters = 4096;

    /// <summary>Share of the topic's weight a sentence (or its section heading) must cover to be about the topic.</summary>
    public const float MinTopicCoverage = 0.5f;

    /// <summary>Sentences at least this similar (cosine of TF-IDF vectors) say the same thing.</summary>
    public const float NearDuplicate = 0.6f;

    /// <summary>Maximal marginal relevance's balance: worth against novelty.</summary>
    private const float Lambda = 0.7f;

    /// <summary>Shorter sentences ("Meet Pastor Kim.", "This documentary?") say too little on their own.</summary>
    private const int MinWords = 5;

    private const float SectionCredit = 0.5f;
    private const float TitleCredit = 0.25f;
    private const float TopicCentralityWeight = 0.3f;
    private const float LeadBonus = 0.1f;
    /// <summary>A question or a sentence leaning on the one before reads poorly out of its paragraph.</summary>
    private const float QuestionPenalty = 0.6f;
    private const float DanglingPenalty = 0.85f;
    /// <summary>Each sentence already picked from a passage makes the next one from it a little less welcome.</summary>
    private const float SamePassagePenalty = 0.05f;

    private static readonly HashSet<string> Dangling = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "it", "his", "her", "their", "its", "this", "these", "those", "that", "there", "then",
        "but", "and", "so", "also", "however", "together", "despite",
    };

    /// <summary>
    /// Summarises the whole knowledge (<paramref name="topic"/> null or blank) or what it says about
    /// a person, place or subject.
    /// </summary>
    /// <param name="sentences">How many sentences to aim for, <see cref="MinSentences"/> to <see cref="MaxSentences"/>; fewer when the knowledge, the topic or the budget has room for fewer.</param>
    /// <param name="maxCharacters">Budget: the sentences' lengths plus <paramref name="overheadPerSentence"/> each never exceed it.</param>
    /// <param name="overheadPerSentence">Characters the caller adds around each sentence (a separator, a citation mark); 1 covers <see cref="Summary.Text"/>'s spaces.</param>
    public Summary Summarize(string? topic = null, int sentences = DefaultSentences, int maxCharacters = DefaultMaxCharacters, int overheadPerSentence = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sentences, MinSentences);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sentences, MaxSentences);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCharacters);
        ArgumentOutOfRangeException.ThrowIfNegative(overheadPerSentence);
        topic = string.IsNullOrWhiteSpace(topic) ? null : topic.Trim();

        using var lease = store.Index.Acquire();
        var corpus = SentenceCorpus.Of(store, lease.Searcher);
        if (corpus.Sentences.Count == 0)
            return Summary.Empty(topic, SummaryStatus.EmptyKnowledge);

        IReadOnlyDictionary<int, float> worth;
        if (topic is null)
        {
            var central = Centrality(corpus, corpus.Sentences.Select(s => s.Index).ToArray());
            foreach (var s in corpus.Sentences.Where(s => s.Sentence.Position == 0))
                central[s.Index] += LeadBonus;
            worth = central;
        }
        else
        {
            var about = AboutTopic(corpus, topic, IndexSnapshot.Of(lease.Searcher));
            if (about is null)
                return Summary.Empty(topic, SummaryStatus.TopicNotFound);
            worth = about;
        }

        var picked = Pick(corpus, worth, sentences, maxCharacters, overheadPerSentence);
        if (picked.Count == 0)
            return Summary.Empty(topic, SummaryStatus.BudgetTooSmall);
        var inOrder = picked.Order().Select(i => corpus.Sentences[i].Sentence).ToArray();
        return new Summary(topic, SummaryStatus.Summarized, inOrder);
    }

    /// <summary>Worth of each sentence about the topic, or null when no sentence is about it.</summary>
    private Dictionary<int, float>? AboutTopic(SentenceCorpus corpus, string topic, IndexSnapshot snapshot)
    {
        if (TopicMatch.Of(topic, store, snapshot) is not { } match)
            return null;

        var own = new Dictionary<int, float>();
        var section = new Dictionary<int, float>();
        var title = new Dictionary<int, float>();
        foreach (var s in corpus.Sentences)
        {
            own[s.Index] = match.Cover(s.Analyzed);
            section[s.Index] = match.Cover(s.SectionTerms);
            title[s.Index] = match.Cover(s.TitleTerms);
        }

        var about = corpus.Sentences.Where(s => Math.Max(own[s.Index], section[s.Index]) >= MinTopicCoverage).Select(s => s.Index).ToList();
        if (about.Count == 0)
        {
            // A topic only a document's title names ("the expedition" for an article titled so) is
            // that document: its sentences are about it even when they do not repeat the title.
            about = corpus.Sentences.Where(s => title[s.Index] >= MinTopicCoverage).Select(s => s.Index).ToList();
        }

        if (about.Count == 0)
            return null;

        var centrality = Centrality(corpus, about);
        return about.ToDictionary(
            i => i,
            i => own[i] + SectionCredit * section[i] + TitleCredit * title[i] + TopicCentralityWeight * centrality[i]);
    }

    /// <summary>Cosine with the centroid of the given sentences, scaled so the most central is 1.</summary>
    private static Dictionary<int, float> Centrality(SentenceCorpus corpus, IReadOnlyCollection<int> sentences)
    {
        var centroid = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var i in sentences)
        {
            foreach (var (term, weight) in corpus.Vector(i))
                centroid[term] = centroid.GetValueOrDefault(term) + weight;
        }

        var norm = MathF.Sqrt(centroid.Values.Sum(w => w * w));
        var scores = sentences.ToDictionary(i => i, i => norm > 0 ? SentenceCorpus.Cosine(corpus.Vector(i), centroid) / norm : 0f);
        var max = scores.Values.DefaultIfEmpty(0).Max();
        if (max > 0)
        {
            foreach (var i in sentences)
                scores[i] /= max;
        }

        return scores;
    }

    private static List<int> Pick(SentenceCorpus corpus, IReadOnlyDictionary<int, float> worth, int count, int maxCharacters, int overhead)
    {
        // Short sentences only when the topic has nothing longer to offer.
        var pool = worth.Keys.Where(i => corpus.Sentences[i].Analyzed.Words.Count >= MinWords).ToList();
        if (pool.Count == 0)
            pool = worth.Keys.ToList();

        var adjusted = pool.ToDictionary(i => i, i => worth[i] * Readability(corpus.Sentences[i]));
        var best = adjusted.Values.Max();
        if (best > 0)
        {
            foreach (var i in pool)
                adjusted[i] /= best;
        }

        var picked = new List<int>();
        var texts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var perPassage = new Dictionary<string, int>(StringComparer.Ordinal);
        var used = 0;
        while (picked.Count < count)
        {
            var next = -1;
            var nextScore = float.MinValue;
            foreach (var i in pool)
            {
                var sentence = corpus.Sentences[i].Sentence;
                if (used + sentence.Text.Length + overhead > maxCharacters || texts.Contains(Normalize(sentence.Text)))
                    continue;
                var similarity = picked.Count == 0 ? 0f : picked.Max(p => SentenceCorpus.Cosine(corpus.Vector(i), corpus.Vector(p)));
                if (similarity >= NearDuplicate)
                    continue;
                var score = Lambda * adjusted[i] - (1 - Lambda) * similarity
                    - SamePassagePenalty * perPassage.GetValueOrDefault(sentence.Passage.Id);
                // Ties go to the earlier sentence, so the choice never depends on dictionary order.
                if (score > nextScore || (score == nextScore && i < next))
                {
                    next = i;
                    nextScore = score;
                }
            }

            if (next < 0)
                break;
            var chosen = corpus.Sentences[next].Sentence;
            picked.Add(next);
            pool.Remove(next);
            texts.Add(Normalize(chosen.Text));
            perPassage[chosen.Passage.Id] = perPassage.GetValueOrDefault(chosen.Passage.Id) + 1;
            used += chosen.Text.Length + overhead;
        }

        return picked;
    }

    private static float Readability(CorpusSentence sentence)
    {
        var factor = 1f;
        if (sentence.Sentence.Text.TrimEnd('"', '\'', '\u201D', '\u2019', ')').EndsWith('?'))
            factor *= QuestionPenalty;
        if (sentence.Analyzed.Words.Count > 0 && Dangling.Contains(sentence.Analyzed.Words[0].Text))
            factor *= DanglingPenalty;
        return factor;
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
