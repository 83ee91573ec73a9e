using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Bot.Knowledge.Answering;

/// <summary>A stemmed word of a passage and where it stands, for matching and for highlighting.</summary>
internal readonly record struct PassageTerm(string Term, TextSpan Span);

/// <summary>A surface word of a sentence, as written: the raw material for answer-type evidence.</summary>
/// <param name="Term">Its stem in the index, or null for a stop word.</param>
/// <param name="Lower">The word in lower case, kept so each question does not lower-case it again.</param>
internal readonly record struct SurfaceWord(string Text, string Lower, string? Term, bool Capitalized, bool Number, bool SentenceInitial);

/// <param name="Sequence">The sentence's stems in order, for telling "Beyond Utopia" from "beyond our understanding".</param>
/// <param name="Joined">For each stem, whether it directly follows the previous one with no word between (not even a stop word).</param>
/// <param name="Terms">A <see cref="HashSet{T}"/>, not an interface: the ranker counts overlaps with it for every unit of every candidate, and its struct enumerator allocates nothing (docs/PERFORMANCE.md, the warm p99). Never changed after construction.</param>
internal sealed record AnalyzedSentence(
    TextSpan Span, HashSet<string> Terms, IReadOnlyList<string> Sequence, IReadOnlyList<bool> Joined, IReadOnlyList<SurfaceWord> Words, string Text);

/// <summary>A passage split into sentences and analysed once, then reused by every question that reaches it.</summary>
internal sealed partial class AnalyzedPassage
{
    private static readonly ConcurrentDictionary<string, AnalyzedPassage> Cache = new(StringComparer.Ordinal);
    private const int CacheLimit = 20_000;

    private AnalyzedPassage(string text, IReadOnlyList<PassageTerm> terms, IReadOnlyList<AnalyzedSentence> sentences, IReadOnlyList<AnalyzedSentence> units)
    {
        Text = text;
        Terms = terms;
        Sentences = sentences;
        Units = units;
        TermSet = terms.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
    }

    public string Text { get; }

    public IReadOnlyList<PassageTerm> Terms { get; }

    public IReadOnlySet<string> TermSet { get; }

    public IReadOnlyList<AnalyzedSentence> Sentences { get; }

    /// <summary>The passage's answer units (<see cref="AnswerUnits"/>): sentences, a fragment joined to its neighbour.</summary>
    public IReadOnlyList<AnalyzedSentence> Units { get; }

    /// <summary>Analysis depends only on the text and the (fixed) index chain, so the text is the cache key.</summary>
    public static AnalyzedPassage Of(string text, Analyzer indexAnalyzer)
    {
        if (Cache.TryGetValue(text, out var cached))
            return cached;
        if (Cache.Count >= CacheLimit)
            Cache.Clear(); // crude but bounded; a re-analysis costs microseconds
        var analyzed = Analyze(text, indexAnalyzer);
        Cache.TryAdd(text, analyzed);
        return analyzed;
    }

    private static AnalyzedPassage Analyze(string text, Analyzer analyzer)
    {
        var terms = new List<PassageTerm>();
        using (var stream = analyzer.GetTokenStream(IndexFields.Text, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
                terms.Add(new PassageTerm(term.ToString(), new TextSpan(offset.StartOffset, offset.EndOffset - offset.StartOffset)));
            stream.End();
        }

        return new AnalyzedPassage(text, terms, Stretches(text, terms, SentenceSplitter.Spans(text)), Stretches(text, terms, AnswerUnits.Spans(text)));
    }

    private static AnalyzedSentence[] Stretches(string text, List<PassageTerm> terms, IReadOnlyList<TextSpan> spans) =>
        spans
            .Select(span =>
            {
                var sentenceText = text.Substring(span.Start, span.Length);
                var inSentence = terms.Where(t => span.Contains(t.Span)).ToArray();
                var byStart = inSentence.GroupBy(t => t.Span.Start - span.Start).ToDictionary(g => g.Key, g => g.First().Term);
                var sequence = inSentence.Select(t => t.Term).ToArray();
                var joined = inSentence.Select((t, i) => i > 0 && NothingBetween(text, inSentence[i - 1].Span.End, t.Span.Start)).ToArray();
                return new AnalyzedSentence(span, sequence.ToHashSet(StringComparer.Ordinal), sequence, joined, Words(sentenceText, byStart), sentenceText);
            })
            .ToArray();

    private static bool NothingBetween(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
                return false;
        }

        return true;
    }

    internal static SurfaceWord[] Words(string sentence, IReadOnlyDictionary<int, string>? stems = null)
    {
        var words = new List<SurfaceWord>();
        var first = true;
        foreach (Match m in Word().Matches(sentence))
        {
            var w = m.Value.TrimEnd('\'', '\u2019');
            if (w.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || w.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase))
                w = w[..^2];
            var term = stems is not null && stems.TryGetValue(m.Index, out var stem) ? stem : null;
            words.Add(new SurfaceWord(w, w.ToLowerInvariant(), term, char.IsUpper(w[0]), char.IsDigit(w[0]), first));
            first = false;
        }

        return words.ToArray();
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{Mn}'\u2019\-]*|\d[\d,.]*\d|\d")]
    private static partial Regex Word();
}
