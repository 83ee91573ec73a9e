using System.Text.RegularExpressions;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Whether a sentence holds the kind of thing a question asks for, beyond the words the
/// question already said: a name for "who", a place after a preposition for "where", a
/// number for "how many". This is what separates the sentence holding the answer from one
/// that merely repeats the question's names.
/// </summary>
internal static partial class AnswerEvidence
{
    private static readonly HashSet<string> Locatives = new(StringComparer.OrdinalIgnoreCase)
    {
        // Not "to", "for" or "from": "new to Christianity" and "the world to Kim" are not places.
        "in", "on", "at", "near", "between", "through", "across", "into", "inside", "outside", "around", "within", "along",
    };

    private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands",
        "million", "millions", "dozen", "dozens", "several", "first", "second", "third",
    };

    private static readonly HashSet<string> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "spring", "summer", "autumn", "fall", "winter",
    };

    /// <summary>Evidence standing this many words or fewer from one of the question's words is about what was asked.</summary>
    private const int Near = 4;

    /// <summary>Evidence far from every question word may be about something else: it counts this much.</summary>
    private const float FarCredit = 0.6f;

    /// <summary>
    /// How strongly the sentence holds an answer of the wanted type: 0 (not at all) to 1.
    /// </summary>
    /// <param name="questionWords">The question's words in lower case.</param>
    /// <param name="questionTerms">The stems the question's concepts match.</param>
    public static float Strength(AnalyzedSentence sentence, AnswerType type, IReadOnlySet<string> questionWords, IReadOnlySet<string> questionTerms)
    {
        var words = sentence.Words;
        bool IsNew(SurfaceWord w) => !questionWords.Contains(w.Lower) && (w.Term is not { } t || !questionTerms.Contains(t));
        bool IsName(SurfaceWord w) => w.Capitalized && !w.SentenceInitial && w.Text.Length > 1 && IsNew(w);
        float Proximity(int at)
        {
            for (var i = Math.Max(0, at - Near); i <= Math.Min(words.Count - 1, at + Near); i++)
            {
                if (words[i].Term is { } t && questionTerms.Contains(t))
                    return 1f;
            }

            return FarCredit;
        }

        switch (type)
        {
            case AnswerType.Person:
                // A full name ("Seungeun Kim") is stronger evidence than a lone capitalised word, and a
                // name beside the question's words ("the director, Madeleine Gavin") stronger than one far off.
                var best = 0f;
                for (var i = 0; i < words.Count; i++)
                {
                    if (!IsName(words[i]))
                        continue;
                    var end = i;
                    while (end + 1 < words.Count && IsName(words[end + 1]))
                        end++;
                    var strength = (end > i ? 1f : 0.6f) * Math.Max(Proximity(i), Proximity(end));
                    best = Math.Max(best, strength);
                    i = end;
                }

                return best;
            case AnswerType.Place:
                for (var i = 0; i < words.Count; i++)
                {
                    if (!IsName(words[i]))
                        continue;
                    for (var back = 1; back <= 3 && i - back >= 0; back++)
                    {
                        if (Locatives.Contains(words[i - back].Text))
                            return Proximity(i);
                    }
                }

                return 0f;
            case AnswerType.Time:
                return Score(words.Any(w => IsNew(w) && (Year().IsMatch(w.Text) || Months.Contains(w.Text))));
            case AnswerType.Quantity:
                // A year ("in 2019") says when, not how many.
                return Score(words.Any(w => IsNew(w) && ((w.Number && !Year().IsMatch(w.Text)) || NumberWords.Contains(w.Text))));
            case AnswerType.Duration:
                // "over the last 24 years" answers "how long"; "in 2019" does not.
                return Score(Span().IsMatch(sentence.Text));
            case AnswerType.Reason:
                return Score(Because().IsMatch(sentence.Text));
            case AnswerType.Identity:
                // A description of what was named: "X, who ...", "X is a ...", "He's a ... who ...".
                return Score(Describes().IsMatch(sentence.Text));
            case AnswerType.Entity:
                return Score(words.Any(w => IsName(w) || (w.Number && IsNew(w))));
            default:
                return 0f;
        }
    }

    private static float Score(bool holds) => holds ? 1f : 0f;

    [GeneratedRegex(@"\b(is|was|are|were)\s+(a|an|the|one)\b|[’']s\s+(a|an|the|one)\b|,\s*(who|which|a|an|the)\b|\bwho[’']s\b|\bknown (for|as)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Describes();

    [GeneratedRegex(@"\b(\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|many|few|a\s+few|couple\s+of)\s+(\w+\s+)?(years?|months?|weeks?|days?|decades?|hours?|minutes?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Span();

    [GeneratedRegex(@"^(1[5-9]|20)\d\d$")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(because|due to|since|so that|in order to|as a result|thanks to|owing to|driven by|pushes|led to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Because();
}
