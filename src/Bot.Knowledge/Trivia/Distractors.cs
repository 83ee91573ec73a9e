using System.Globalization;

namespace Bot.Knowledge.Trivia;

/// <summary>A candidate answer found in a sentence: what it is and where it stands.</summary>
/// <param name="Key">Lower-case name, or the number's value: the same fact wherever it is written.</param>
/// <param name="NameWords">A name's words without titles; empty for numbers.</param>
/// <param name="Value">A number's value; 0 for names.</param>
internal sealed record Candidate(TriviaKind Kind, int Start, int Length, string Text, string Key, IReadOnlySet<string> NameWords, decimal Value)
{
    public bool IsNumber => Kind is TriviaKind.Year or TriviaKind.Number;
}

/// <summary>One distinct answer of a kind that the knowledge holds, as first written.</summary>
internal sealed record PoolEntry(string Text, string Key, IReadOnlySet<string> NameWords, decimal Value);

/// <summary>
/// Wrong options of the answer's own kind. Names come from the knowledge only; numbers come from
/// the knowledge first (within a factor of ten, years within fifty years) and, when it has too
/// few, from variations of the right number (halved, doubled, ±a few for small numbers, up to ten years off), written
/// the way the right one is. An option is never the answer, never another name for it (one
/// name's words among the other's: "Kim" and "Pastor Kim"), never a word already in the
/// question, and never another name for another option.
/// </summary>
internal static class Distractors
{
    public const int Count = TriviaQuestion.OptionCount - 1;

    /// <summary>Names weighed against each other at once: enough for variety, few enough that comparing every pair stays cheap.</summary>
    private const int Window = 64;

    /// <summary>Near enough to be believable: a tenth or ten times the answer would be easy to rule out.</summary>
    private static readonly decimal[] Factors = [0.5m, 2m, 1.5m, 3m, 0.75m, 1.25m, 2.5m, 4m, 0.8m];
    private static readonly int[] Steps = [1, -1, 2, -2, 3, -3, 5, -5, 10];
    private static readonly int[] YearSteps = [1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 7, -7, 10, -10];

    /// <summary>Three wrong options, or null when the knowledge cannot give three.</summary>
    /// <param name="question">The sentence with the answer blanked: options already in it would give themselves away.</param>
    /// <param name="random">Shuffles the choice; null takes the first that fit, to tell whether any fit at all.</param>
    public static IReadOnlyList<string>? Pick(Candidate answer, string question, IReadOnlyList<PoolEntry> pool, Random? random) =>
        answer.IsNumber ? Numbers(answer, question, pool, random) : Names(answer, question, pool, random);

    /// <summary>Whether two names may be one: one's words are all among the other's.</summary>
    public static bool SameName(IReadOnlySet<string> a, IReadOnlySet<string> b) => a.IsSubsetOf(b) || b.IsSubsetOf(a);

    private static IReadOnlyList<string>? Names(Candidate answer, string question, IReadOnlyList<PoolEntry> pool, Random? random)
    {
        bool Fits(PoolEntry e) => e.Key != answer.Key && !SameName(e.NameWords, answer.NameWords) && !TextSearch.Mentions(question, e.Text);
        if (random is null)
        {
            // Whether any three fit: the knowledge's order usually settles it after a few names,
            // which matters when every fact of a large knowledge folder is checked.
            return Greedy(pool.Where(Fits)) ?? Greedy(ByFewestAliases(pool.Where(Fits).Take(Window).ToArray()));
        }

        var compatible = pool.Where(Fits).ToArray();
        random.Shuffle(compatible);
        return Greedy(ByFewestAliases(compatible[..Math.Min(Window, compatible.Length)])) ?? Names(answer, question, pool, random: null);
    }

    /// <summary>
    /// Names that may be short or long for several others go last, so "Kim" does not crowd out both
    /// "Seungeun Kim" and "Kim Jong Un". The sort is stable: among equals the order given stands.
    /// </summary>
    private static IEnumerable<PoolEntry> ByFewestAliases(PoolEntry[] names) =>
        names.OrderBy(e => names.Count(o => !ReferenceEquals(o, e) && SameName(o.NameWords, e.NameWords)));

    /// <summary>The first three names in order of which none may be another's alias, or null.</summary>
    private static string[]? Greedy(IEnumerable<PoolEntry> names)
    {
        var chosen = new List<PoolEntry>(Count);
        foreach (var entry in names)
        {
            if (chosen.Any(c => SameName(c.NameWords, entry.NameWords)))
                continue;
            chosen.Add(entry);
            if (chosen.Count == Count)
                return chosen.Select(c => c.Text).ToArray();
        }

        return null;
    }

    private static List<string>? Numbers(Candidate answer, string question, IReadOnlyList<PoolEntry> pool, Random? random)
    {
        var style = NumberStyle.Of(answer.Text, answer.Kind);
        var taken = new HashSet<string>(StringComparer.Ordinal) { style.Format(answer.Value) };
        var chosen = new List<string>(Count);

        void Offer(IEnumerable<decimal> values)
        {
            foreach (var value in values)
            {
                if (chosen.Count == Count)
                    return;
                if (value <= 0 || (answer.Kind == TriviaKind.Year && value is < 1000 or > 2100))
                    continue;
                var text = style.Format(value);
                if (taken.Add(text) && !TextSearch.Mentions(question, text))
                    chosen.Add(text);
            }
        }

        var known = pool.Select(e => e.Value).Where(v => Plausible(answer, v)).ToArray();
        if (random is not null)
            random.Shuffle(known);
        Offer(known);
        var varied = Variations(answer, style).ToArray();
        if (random is not null)
            random.Shuffle(varied);
        Offer(varied);
        return chosen.Count == Count ? chosen : null;
    }

    private static bool Plausible(Candidate answer, decimal value) => answer.Kind == TriviaKind.Year
        ? Math.Abs(value - answer.Value) <= 50
        : value >= answer.Value / 10 && value <= answer.Value * 10;

    private static IEnumerable<decimal> Variations(Candidate answer, NumberStyle style)
    {
        var value = answer.Value;
        if (answer.Kind == TriviaKind.Year)
        {
            foreach (var step in YearSteps)
                yield return value + step;
            yield break;
        }

        // Round numbers stay round: 1,000 varies by hundreds, 24 by ones, 3.5 by tenths.
        var unit = style.Decimals > 0 ? Pow10(-style.Decimals) : Pow10(Math.Max(0, TrailingZeros(value) - 1));
        foreach (var factor in Factors)
            yield return Math.Round(value * factor / unit, MidpointRounding.AwayFromZero) * unit;
        if (style.Decimals == 0 && value <= 50)
        {
            foreach (var step in Steps)
                yield return value + step;
        }
    }

    private static int TrailingZeros(decimal value)
    {
        var zeros = 0;
        while (value >= 10 && value % 10 == 0)
        {
            value /= 10;
            zeros++;
        }

        return zeros;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
            result = exponent > 0 ? result * 10 : result / 10;
        return result;
    }

    /// <summary>How the right number is written, so the wrong ones look alike: "1,000" → "2,000", "3.5" → "7.0".</summary>
    private readonly record struct NumberStyle(bool Grouped, int Decimals)
    {
        public static NumberStyle Of(string text, TriviaKind kind)
        {
            var point = text.IndexOf('.');
            return new NumberStyle(kind != TriviaKind.Year && text.Contains(','), point < 0 ? 0 : text.Length - point - 1);
        }

        public string Format(decimal value) =>
            value.ToString((Grouped ? "N" : "F") + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
