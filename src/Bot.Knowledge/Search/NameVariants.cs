using System.Text.RegularExpressions;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Text;

namespace Bot.Knowledge.Search;

/// <summary>
/// Names as members misspell them: "the Rohs" for "the Roh family", "Kimm" for "Kim",
/// "Madeline" for "Madeleine", "Caleb Misson" for "Caleb Mission". A word of the question that
/// the knowledge never uses is replaced by the name it is a variant of, so that both the word
/// search and the sentence model meet the name as the knowledge writes it. Only names found in
/// the knowledge are targets, and short names only for the unmistakable variants (a plural,
/// a doubled letter): "him" is one letter from "Kim" and is not a misspelling of it.
/// </summary>
internal sealed partial class NameVariants
{
    /// <summary>From this length, a word one edit from a name (or a known word) is taken for a misspelling of it.</summary>
    private const int MinLengthForEdits = 5;

    /// <summary>Ordinary words this long, one edit from a knowledge word, are misspellings of it too ("religous").</summary>
    private const int MinLengthForWordEdits = 6;

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _vocabulary = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _fixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _stems = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public NameVariants(IEnumerable<Passage> passages)
    {
        foreach (var passage in passages)
        {
            foreach (var text in new[] { passage.Title, passage.Section })
            {
                foreach (var word in AnalyzedPassage.Words(text))
                {
                    _vocabulary.Add(word.Lower);
                }
            }

            foreach (var sentence in SentenceSplitter.Split(passage.Text))
            {
                foreach (var word in AnalyzedPassage.Words(sentence))
                {
                    _vocabulary.Add(word.Lower);
                    if (word.Capitalized && !word.SentenceInitial && word.Text.Length >= 3 && word.Text.All(char.IsLetter))
                        _names.TryAdd(word.Lower, word.Text);
                }
            }
        }
    }

    public int Count => _names.Count;

    /// <summary>Whether the knowledge writes this word (any case) as a name: "Kim", "Laos", "Utopia".</summary>
    public bool IsName(string word) => _names.ContainsKey(word.ToLowerInvariant());

    /// <summary>
    /// Whether a stem is a name's ("madelein" of "Madeleine"): the stemmer only trims a name's
    /// ending, so the stem starts the name and is at most a couple of letters shorter.
    /// </summary>
    public bool IsNameStem(string stem)
    {
        if (_names.ContainsKey(stem))
            return true;
        lock (_gate)
        {
            if (_stems.TryGetValue(stem, out var known))
                return known;
            var isName = stem.Length >= 3 && _names.Keys.Any(n => n.StartsWith(stem, StringComparison.Ordinal) && n.Length - stem.Length <= 2);
            if (_stems.Count < 10_000)
                _stems[stem] = isName;
            return isName;
        }
    }

    /// <summary>
    /// The question without the knowledge's names: what it asks about them. "did Beyond Utopia win
    /// an Oscar" asks "did win an Oscar"; a sentence that only shares the names does not answer it.
    /// </summary>
    public string WithoutNames(string question) =>
        Spaces().Replace(Word().Replace(question, m => IsName(m.Value) ? " " : m.Value), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>The question with each variant of a knowledge name written as the knowledge writes it.</summary>
    public string Fix(string question) =>
        Word().Replace(question, m =>
        {
            var lower = m.Value.ToLowerInvariant();
            if (_vocabulary.Contains(lower))
                return m.Value;
            string? fixedWord;
            lock (_gate)
            {
                if (!_fixes.TryGetValue(lower, out fixedWord))
                {
                    fixedWord = Find(lower);
                    if (_fixes.Count < 10_000)
                        _fixes[lower] = fixedWord;
                }
            }

            return fixedWord ?? m.Value;
        });

    private string? Find(string word)
    {
        // "Rohs", "Kims": a plural or a possessive without its apostrophe.
        if (word.Length >= 4 && word[^1] == 's' && _names.TryGetValue(word[..^1], out var singular))
            return singular;
        // "Kimm", "Gavinn": one letter typed twice.
        for (var i = 1; i < word.Length; i++)
        {
            if (word[i] == word[i - 1] && _names.TryGetValue(word.Remove(i, 1), out var undoubled))
                return undoubled;
        }

        if (word.Length < MinLengthForEdits)
            return null;
        string? best = null;
        foreach (var (lower, name) in _names)
        {
            if (lower.Length >= MinLengthForEdits && lower[0] == word[0] && Math.Abs(lower.Length - word.Length) <= 1
                && EditDistance.Bounded(word, lower, 1) <= 1)
            {
                if (best is not null)
                    return null; // two names equally close: no guess
                best = name;
            }
        }

        if (best is not null || word.Length < MinLengthForWordEdits)
            return best;
        foreach (var known in _vocabulary)
        {
            if (known.Length >= MinLengthForWordEdits && known[0] == word[0] && Math.Abs(known.Length - word.Length) <= 1
                && EditDistance.Bounded(word, known, 1) <= 1)
            {
                if (best is not null)
                    return null;
                best = known;
            }
        }

        return best;
    }

    [GeneratedRegex(@"(?<![\p{L}'\u2019])\p{L}{3,}(?![\p{L}])")]
    private static partial Regex Word();
}
