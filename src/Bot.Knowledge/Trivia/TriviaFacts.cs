using System.Globalization;
using System.Runtime.CompilerServices;
using Bot.Knowledge.Mentions;
using Bot.Knowledge.Summaries;

namespace Bot.Knowledge.Trivia;

/// <summary>A sentence with one answer that can be blanked and given three wrong options.</summary>
/// <param name="Mention">The answer's place among the sentence's candidates: part of the question's id.</param>
/// <param name="Question">The sentence with the answer replaced by <see cref="TriviaQuestion.Blank"/>.</param>
internal sealed record Fact(CorpusSentence Sentence, int Mention, Candidate Answer, string Question);

/// <summary>
/// Every fact of one snapshot of the knowledge that makes a trivia question, found once per
/// snapshot. Its candidate answers are the names <see cref="NameFinder"/> finds (of the kind
/// <see cref="NameKinds"/> decides over the whole knowledge; quoted and adjectival ones left out)
/// and the numbers <see cref="NumberFinder"/> finds. A fact needs a sentence of at least <see cref="MinWords"/> words that is not a question, at
/// least <see cref="MinWordsLeft"/> words left once blanked, no other mention of the answer (or a
/// name for it) in the blanked sentence, and three wrong options of its kind.
/// </summary>
internal sealed class TriviaFacts
{
    public const int MinWords = 6;
    public const int MinWordsLeft = 4;

    private static readonly ConditionalWeakTable<SentenceCorpus, TriviaFacts> Snapshots = new();

    private readonly IReadOnlyList<Candidate>[] _candidates;
    private readonly Dictionary<TriviaKind, IReadOnlyList<PoolEntry>> _pools;
    private readonly Dictionary<string, List<CorpusSentence>> _byLocator = new(StringComparer.Ordinal);
    private readonly Dictionary<TriviaKind, IReadOnlyList<Fact>> _byKind;
    private readonly Dictionary<(TriviaKind, string), List<PoolEntry>> _byWord = [];

    private TriviaFacts(SentenceCorpus corpus)
    {
        var sentences = corpus.Sentences;
        var evidence = NameEvidence.Of(sentences.Select(s => s.Sentence.Text));
        var runs = sentences.Select(s => NameFinder.Names(s.Sentence.Text, evidence)).ToArray();
        var kinds = NameKinds.Of(runs.SelectMany(r => r));

        _candidates = new IReadOnlyList<Candidate>[sentences.Count];
        for (var i = 0; i < sentences.Count; i++)
        {
            _candidates[i] = Candidates(sentences[i], runs[i], kinds);
            var locator = TriviaId.Locator(sentences[i].Sentence);
            if (!_byLocator.TryGetValue(locator, out var same))
                _byLocator[locator] = same = [];
            same.Add(sentences[i]);
        }

        _pools = _candidates.SelectMany(c => c)
            .GroupBy(c => c.Kind)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<PoolEntry>)g.DistinctBy(c => c.Key).Select(c => new PoolEntry(c.Text, c.Key, c.NameWords, c.Value)).ToArray());
        IndexPoolsByWord();

        var facts = new List<Fact>();
        foreach (var sentence in sentences)
        {
            for (var m = 0; m < _candidates[sentence.Index].Count; m++)
            {
                if (FactAt(sentence, m) is { } fact)
                    facts.Add(fact);
            }
        }

        Facts = facts;
        _byKind = facts.GroupBy(f => f.Answer.Kind).ToDictionary(g => g.Key, g => (IReadOnlyList<Fact>)g.ToArray());
    }

    /// <summary>The answers a sentence offers, in the order they are written: names of a known kind, then numbers.</summary>
    private static Candidate[] Candidates(CorpusSentence sentence, IReadOnlyList<NameRun> runs, Dictionary<string, TriviaKind> kinds)
    {
        var found = new List<Candidate>();
        foreach (var run in runs)
        {
            if ((run.Cues & (Cues.Quoted | Cues.Adjectival)) != 0)
                continue;
            TriviaKind? kind = run.Cues.HasFlag(Cues.Family) ? TriviaKind.Family : kinds.TryGetValue(run.Key, out var k) ? k : null;
            if (kind is { } known)
                found.Add(new Candidate(known, run.Start, run.Length, run.Text, run.Key, run.NameWords, 0));
        }

        foreach (var number in NumberFinder.Numbers(sentence.Sentence.Text))
        {
            var key = number.Value.ToString(CultureInfo.InvariantCulture);
            found.Add(new Candidate(number.IsYear ? TriviaKind.Year : TriviaKind.Number, number.Start, number.Length, number.Text, key, new HashSet<string>(), number.Value));
        }

        return found.OrderBy(c => c.Start).ToArray();
    }

    /// <summary>Each pool's names by word, so the names that may be another name for an answer are found without comparing every pair.</summary>
    private void IndexPoolsByWord()
    {
        foreach (var (kind, entries) in _pools)
        {
            foreach (var entry in entries)
            {
                foreach (var word in entry.NameWords)
                {
                    if (!_byWord.TryGetValue((kind, word), out var sharing))
                        _byWord[(kind, word)] = sharing = [];
                    sharing.Add(entry);
                }
            }
        }
    }

    /// <summary>Every fact that makes a question, in reading order.</summary>
    public IReadOnlyList<Fact> Facts { get; }

    /// <summary>The kinds with at least one fact, in the enum's order.</summary>
    public IReadOnlyList<TriviaKind> Kinds => _byKind.Keys.Order().ToArray();

    public IReadOnlyList<Fact> FactsOf(TriviaKind kind) => _byKind.GetValueOrDefault(kind) ?? [];

    public static TriviaFacts Of(SentenceCorpus corpus) => Snapshots.GetValue(corpus, c => new TriviaFacts(c));

    public IReadOnlyList<PoolEntry> Pool(TriviaKind kind) => _pools.GetValueOrDefault(kind) ?? [];

    /// <summary>Names of the answer's kind with a word in common with it: the only ones that can be another name for it.</summary>
    private IEnumerable<PoolEntry> SharingAWord(Candidate answer) =>
        answer.NameWords.SelectMany(w => _byWord.GetValueOrDefault((answer.Kind, w)) ?? []).Distinct();

    /// <summary>The sentences at a locator of an id (more than one only if two paths share a hash prefix).</summary>
    public IReadOnlyList<CorpusSentence> At(string locator) => _byLocator.GetValueOrDefault(locator) ?? [];

    /// <summary>The fact of the sentence's <paramref name="mention"/>th candidate, or null when it does not make a question.</summary>
    public Fact? FactAt(CorpusSentence sentence, int mention)
    {
        var found = _candidates[sentence.Index];
        if (mention < 0 || mention >= found.Count || mention > TriviaId.MaxMention || sentence.Sentence.Position > TriviaId.MaxPosition)
            return null;
        var text = sentence.Sentence.Text;
        if (sentence.Analyzed.Words.Count < MinWords || text.TrimEnd('"', '\'', '\u201D', '\u2019', ')').EndsWith('?'))
            return null;

        var answer = found[mention];
        var question = string.Concat(text.AsSpan(0, answer.Start), TriviaQuestion.Blank, text.AsSpan(answer.Start + answer.Length));
        var wordsLeft = sentence.Analyzed.Words.Count - SentenceTokens.Of(answer.Text).Count;
        if (wordsLeft < MinWordsLeft || TextSearch.Mentions(question, answer.Text))
            return null;
        if (!answer.IsNumber && SharingAWord(answer).Any(e => Distractors.SameName(e.NameWords, answer.NameWords) && TextSearch.Mentions(question, e.Text)))
            return null; // "Pastor _____ met Kim" gives the answer away
        var pool = Pool(answer.Kind);
        if (Distractors.Pick(answer, question, pool, random: null) is null)
            return null;
        return new Fact(sentence, mention, answer, question);
    }
}
