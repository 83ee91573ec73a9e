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
        var reading = new Reading(sentence.Words, questionWords, questionTerms);
        var words = sentence.Words;
        return type switch
        {
            AnswerType.Person => PersonStrength(reading),
            AnswerType.Place => PlaceStrength(reading),
            AnswerType.Time => Score(words.Any(w => reading.IsNew(w) && (Year().IsMatch(w.Text) || Months.Contains(w.Text)))),
            // A year ("in 2019") says when, not how many.
            AnswerType.Quantity => Score(words.Any(w => reading.IsNew(w) && ((w.Number && !Year().IsMatch(w.Text)) || NumberWords.Contains(w.Text)))),
            // "over the last 24 years" answers "how long"; "in 2019" does not.
            AnswerType.Duration => Score(Span().IsMatch(sentence.Text)),
            AnswerType.Reason => Score(Because().IsMatch(sentence.Text)),
            // A description of what was named: "X, who ...", "X is a ...", "He's a ... who ...".
            AnswerType.Identity => Score(Describes().IsMatch(sentence.Text)),
            AnswerType.Entity => Score(words.Any(w => reading.IsName(w) || (w.Number && reading.IsNew(w)))),
            _ => 0f,
        };
    }

    /// <summary>
    /// A full name ("Seungeun Kim") is stronger evidence than a lone capitalised word, and a name
    /// beside the question's words ("the director, Madeleine Gavin") stronger than one far off.
    /// </summary>
    private static float PersonStrength(Reading reading)
    {
        var words = reading.Words;
        var best = 0f;
        for (var i = 0; i < words.Count; i++)
        {
            if (!reading.IsName(words[i]))
                continue;
            var end = i;
            while (end + 1 < words.Count && reading.IsName(words[end + 1]))
                end++;
            var strength = (end > i ? 1f : 0.6f) * Math.Max(reading.Proximity(i), reading.Proximity(end));
            best = Math.Max(best, strength);
            i = end;
        }

        return best;
    }

    /// <summary>A name shortly after a locative ("in Laos", "across the Mekong").</summary>
    private static float PlaceStrength(Reading reading)
    {
        var words = reading.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (!reading.IsName(words[i]))
                continue;
            for (var back = 1; back <= 3 && i - back >= 0; back++)
            {
                if (Locatives.Contains(words[i - back].Text))
                    return reading.Proximity(i);
            }
        }

        return 0f;
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

    /// <summary>A sentence's words as seen from the question: which are new to it, which are names, and how near the question's words each lies.</summary>
    private readonly record struct Reading(IReadOnlyList<SurfaceWord> Words, IReadOnlySet<string> QuestionWords, IReadOnlySet<string> QuestionTerms)
    {
        public bool IsNew(SurfaceWord w) => !QuestionWords.Contains(w.Lower) && (w.Term is not { } t || !QuestionTerms.Contains(t));

        public bool IsName(SurfaceWord w) => w.Capitalized && !w.SentenceInitial && w.Text.Length > 1 && IsNew(w);

        public float Proximity(int at)
        {
            for (var i = Math.Max(0, at - Near); i <= Math.Min(Words.Count - 1, at + Near); i++)
            {
                if (Words[i].Term is { } t && QuestionTerms.Contains(t))
                    return 1f;
            }

            return FarCredit;
        }
    }
}
