using System.Globalization;
using System.Runtime.CompilerServices;
using Bot.Knowledge.Summaries;

namespace Bot.Knowledge.Trivia;

/// <summary>A sentence with one answer that can be blanked and given three wrong options.</summary>
/// <param name="Mention">The answer's place among the sentence's candidates: part of the question's id.</param>
/// <param name="Question">The sentence with the answer replaced by <see cref="TriviaQuestion.Blank"/>.</param>
internal sealed record Fact(CorpusSentence Sentence, int Mention, Candidate Answer, string Question);

/// <summary>
/// Every fact of one snapshot of the knowledge that makes a trivia question, found once per
/// snapshot. The kind of a name is decided over the whole knowledge, so one clear occurrence
/// ("in Laos") classifies every other ("Laos is..."):
/// <list type="number">
/// <item>Strong clues (a title, an organisation noun, a place noun; see <see cref="Cues"/>) decide
/// when they agree; weak ones (a locative before it, a role noun or a verb of speech beside it)
/// decide when there is no strong one and they agree. Clues that disagree leave the name out.</item>
/// <item>A name with no clue at all takes the kind of the names it may be short or long for
/// ("Kim" of "Pastor Kim", "Kim Jong Un" of "Kim"), when they are all of one kind.</item>
/// <item>"X family" is always a family, whatever X is elsewhere.</item>
/// </list>
/// A fact needs a sentence of at least <see cref="MinWords"/> words that is not a question, at
/// least <see cref="MinWordsLeft"/> words left once blanked, no other mention of the answer (or a
/// name for it) in the blanked sentence, and three wrong options of its kind.
/// </summary>
internal sealed class TriviaFacts
{
    public const int MinWords = 6;
    public const int MinWordsLeft = 4;

    private static readonly ConditionalWeakTable<SentenceCorpus, TriviaFacts> Snapshots = new();

    private readonly IReadOnlyList<Candidate>[] candidates;
    private readonly Dictionary<TriviaKind, IReadOnlyList<PoolEntry>> pools;
    private readonly Dictionary<string, List<CorpusSentence>> byLocator = new(StringComparer.Ordinal);
    private readonly Dictionary<TriviaKind, IReadOnlyList<Fact>> byKind;
    private readonly Dictionary<(TriviaKind, string), List<PoolEntry>> byWord = [];

    private TriviaFacts(SentenceCorpus corpus)
    {
        var sentences = corpus.Sentences;
        var midSentence = sentences.SelectMany(s => MentionFinder.MidSentenceCapitals(s.Sentence.Text)).ToHashSet(StringComparer.Ordinal);
        var runs = sentences.Select(s => MentionFinder.Names(s.Sentence.Text, midSentence)).ToArray();
        var kinds = NameKinds(runs.SelectMany(r => r));

        candidates = new IReadOnlyList<Candidate>[sentences.Count];
        for (var i = 0; i < sentences.Count; i++)
        {
            var found = new List<Candidate>();
            foreach (var run in runs[i])
            {
                if ((run.Cues & (Cues.Quoted | Cues.Adjectival)) != 0)
                    continue;
                TriviaKind? kind = run.Cues.HasFlag(Cues.Family) ? TriviaKind.Family : kinds.TryGetValue(run.Key, out var k) ? k : null;
                if (kind is { } known)
                    found.Add(new Candidate(known, run.Start, run.Length, run.Text, run.Key, run.NameWords, 0));
            }

            foreach (var number in MentionFinder.Numbers(sentences[i].Sentence.Text))
            {
                var key = number.Value.ToString(CultureInfo.InvariantCulture);
                found.Add(new Candidate(number.Kind, number.Start, number.Length, number.Text, key, new HashSet<string>(), number.Value));
            }

            candidates[i] = found.OrderBy(c => c.Start).ToArray();
            var locator = TriviaId.Locator(sentences[i].Sentence);
            if (!byLocator.TryGetValue(locator, out var same))
                byLocator[locator] = same = [];
            same.Add(sentences[i]);
        }

        pools = candidates.SelectMany(c => c)
            .GroupBy(c => c.Kind)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<PoolEntry>)g.DistinctBy(c => c.Key).Select(c => new PoolEntry(c.Text, c.Key, c.NameWords, c.Value)).ToArray());

        foreach (var (kind, entries) in pools)
        {
            foreach (var entry in entries)
            {
                foreach (var word in entry.NameWords)
                {
                    if (!byWord.TryGetValue((kind, word), out var sharing))
                        byWord[(kind, word)] = sharing = [];
                    sharing.Add(entry);
                }
            }
        }

        var facts = new List<Fact>();
        foreach (var sentence in sentences)
        {
            for (var m = 0; m < candidates[sentence.Index].Count; m++)
            {
                if (FactAt(sentence, m) is { } fact)
                    facts.Add(fact);
            }
        }

        Facts = facts;
        byKind = facts.GroupBy(f => f.Answer.Kind).ToDictionary(g => g.Key, g => (IReadOnlyList<Fact>)g.ToArray());
    }

    /// <summary>Every fact that makes a question, in reading order.</summary>
    public IReadOnlyList<Fact> Facts { get; }

    /// <summary>The kinds with at least one fact, in the enum's order.</summary>
    public IReadOnlyList<TriviaKind> Kinds => byKind.Keys.Order().ToArray();

    public IReadOnlyList<Fact> FactsOf(TriviaKind kind) => byKind.GetValueOrDefault(kind) ?? [];

    public static TriviaFacts Of(SentenceCorpus corpus) => Snapshots.GetValue(corpus, c => new TriviaFacts(c));

    public IReadOnlyList<PoolEntry> Pool(TriviaKind kind) => pools.GetValueOrDefault(kind) ?? [];

    /// <summary>Names of the answer's kind with a word in common with it: the only ones that can be another name for it.</summary>
    private IEnumerable<PoolEntry> SharingAWord(Candidate answer) =>
        answer.NameWords.SelectMany(w => byWord.GetValueOrDefault((answer.Kind, w)) ?? []).Distinct();

    /// <summary>The sentences at a locator of an id (more than one only if two paths share a hash prefix).</summary>
    public IReadOnlyList<CorpusSentence> At(string locator) => byLocator.GetValueOrDefault(locator) ?? [];

    /// <summary>The fact of the sentence's <paramref name="mention"/>th candidate, or null when it does not make a question.</summary>
    public Fact? FactAt(CorpusSentence sentence, int mention)
    {
        var found = candidates[sentence.Index];
        if (mention < 0 || mention >= found.Count || mention > TriviaId.MaxMention || sentence.Sentence.Position > TriviaId.MaxPosition)
            return null;
        var text = sentence.Sentence.Text;
        if (sentence.Analyzed.Words.Count < MinWords || text.TrimEnd('"', '\'', '\u201D', '\u2019', ')').EndsWith('?'))
            return null;

        var answer = found[mention];
        var question = string.Concat(text.AsSpan(0, answer.Start), TriviaQuestion.Blank, text.AsSpan(answer.Start + answer.Length));
        var wordsLeft = sentence.Analyzed.Words.Count - MentionFinder.Tokenize(answer.Text).Count;
        if (wordsLeft < MinWordsLeft || TextSearch.Mentions(question, answer.Text))
            return null;
        if (!answer.IsNumber && SharingAWord(answer).Any(e => Distractors.SameName(e.NameWords, answer.NameWords) && TextSearch.Mentions(question, e.Text)))
            return null; // "Pastor _____ met Kim" gives the answer away
        var pool = Pool(answer.Kind);
        if (Distractors.Pick(answer, question, pool, random: null) is null)
            return null;
        return new Fact(sentence, mention, answer, question);
    }

    private static Dictionary<string, TriviaKind> NameKinds(IEnumerable<NameRun> runs)
    {
        var strong = new Dictionary<string, HashSet<TriviaKind>>(StringComparer.Ordinal);
        var weak = new Dictionary<string, HashSet<TriviaKind>>(StringComparer.Ordinal);
        var words = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        void Add(Dictionary<string, HashSet<TriviaKind>> clues, string key, TriviaKind kind)
        {
            if (!clues.TryGetValue(key, out var set))
                clues[key] = set = [];
            set.Add(kind);
        }

        foreach (var run in runs)
        {
            if ((run.Cues & (Cues.Quoted | Cues.Adjectival | Cues.Family)) != 0)
                continue;
            words.TryAdd(run.Key, run.NameWords);
            if (run.Cues.HasFlag(Cues.Title))
                Add(strong, run.Key, TriviaKind.Person);
            if (run.Cues.HasFlag(Cues.OrganizationNoun))
                Add(strong, run.Key, TriviaKind.Organization);
            if (run.Cues.HasFlag(Cues.PlaceNoun))
                Add(strong, run.Key, TriviaKind.Place);
            if (run.Cues.HasFlag(Cues.Locative))
                Add(weak, run.Key, TriviaKind.Place);
            if (run.Cues.HasFlag(Cues.Role))
                Add(weak, run.Key, TriviaKind.Person);
        }

        var kinds = new Dictionary<string, TriviaKind>(StringComparer.Ordinal);
        var unclued = new List<string>();
        foreach (var key in words.Keys)
        {
            var clues = strong.GetValueOrDefault(key) is { Count: > 0 } s ? s : weak.GetValueOrDefault(key);
            if (clues is null || clues.Count == 0)
                unclued.Add(key);
            else if (clues.Count == 1)
                kinds[key] = clues.First();
        }

        // Another name for a name shares a word with it: look only at those.
        var cluedByWord = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var key in kinds.Keys)
        {
            foreach (var word in words[key])
            {
                if (!cluedByWord.TryGetValue(word, out var keys))
                    cluedByWord[word] = keys = [];
                keys.Add(key);
            }
        }

        var clued = new Dictionary<string, TriviaKind>(kinds, StringComparer.Ordinal);
        foreach (var key in unclued)
        {
            var alike = words[key]
                .SelectMany(w => cluedByWord.GetValueOrDefault(w) ?? [])
                .Distinct()
                .Where(other => Distractors.SameName(words[key], words[other]))
                .Select(other => clued[other])
                .Distinct()
                .ToArray();
            if (alike.Length == 1)
                kinds[key] = alike[0];
        }

        return kinds;
    }
}
