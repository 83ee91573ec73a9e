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
        "in", "on", "at", "near", "between", "through", "to", "from", "across", "into", "inside", "outside",
        "toward", "towards", "around", "within", "along", "for",
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

    public static bool Holds(AnalyzedSentence sentence, AnswerType type, IReadOnlySet<string> questionWords)
    {
        var words = sentence.Words;
        bool IsNew(SurfaceWord w) => !questionWords.Contains(w.Text.ToLowerInvariant());
        bool IsName(SurfaceWord w) => w.Capitalized && !w.SentenceInitial && w.Text.Length > 1 && IsNew(w);

        switch (type)
        {
            case AnswerType.Person:
                return words.Any(IsName);
            case AnswerType.Place:
                for (var i = 0; i < words.Count; i++)
                {
                    if (!IsName(words[i]))
                        continue;
                    for (var back = 1; back <= 3 && i - back >= 0; back++)
                    {
                        if (Locatives.Contains(words[i - back].Text))
                            return true;
                    }
                }

                return false;
            case AnswerType.Time:
                return words.Any(w => IsNew(w) && (Year().IsMatch(w.Text) || Months.Contains(w.Text)));
            case AnswerType.Quantity:
                return words.Any(w => IsNew(w) && (w.Number || NumberWords.Contains(w.Text)));
            case AnswerType.Reason:
                return Because().IsMatch(sentence.Text);
            case AnswerType.Entity:
                return words.Any(w => IsName(w) || (w.Number && IsNew(w)));
            default:
                return false;
        }
    }

    [GeneratedRegex(@"^(1[5-9]|20)\d\d$")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(because|due to|since|so that|in order to|as a result|thanks to|owing to|driven by|pushes|led to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Because();
}
