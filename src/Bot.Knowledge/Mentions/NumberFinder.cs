using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Knowledge.Mentions;

/// <summary>
/// The numbers of a sentence that may be asked about: numbers in digits unless glued to letters or
/// to '-', '/', ':' ("24th", "COVID-19", "20:00"), quoted, after a month ("March 3") or a label
/// ("No. 5", "page 12"). Four digits from 1500 to 2100 are a year unless a content word follows
/// ("1800 kilometres").
/// </summary>
internal static partial class NumberFinder
{
    /// <summary>Past fifteen digits a number is an identifier, and its variations could overflow.</summary>
    private const int MaxDigits = 15;

    public static IReadOnlyList<NumberMention> Numbers(string sentence)
    {
        var tokens = SentenceTokens.Of(sentence);
        var quotations = Quotations.Of(sentence);
        var numbers = new List<NumberMention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.IsNumber || !NumberShape().IsMatch(t.Text) || IsPartOfSomethingElse(tokens, i) || Quotations.Inside(quotations, t.Start))
                continue;
            if (t.Text.Length > MaxDigits
                || !decimal.TryParse(t.Text.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                || value == 0)
            {
                continue;
            }

            numbers.Add(new NumberMention(t.Start, t.End - t.Start, t.Text, value, IsYear(tokens, i, value)));
        }

        return numbers;
    }

    /// <summary>Glued to letters or punctuation of a code, a time or a range, or after a month or a label.</summary>
    private static bool IsPartOfSomethingElse(SentenceTokens tokens, int i)
    {
        var t = tokens[i];
        var sentence = tokens.Sentence;
        var before = t.Start > 0 ? sentence[t.Start - 1] : ' ';
        var after = t.End < sentence.Length ? sentence[t.End] : ' ';
        if (char.IsLetter(before) || before is '-' or '/' or ':' or '#' or '.' or ',' || char.IsLetter(after) || after is '-' or '/' or ':')
            return true;
        return i > 0 && !tokens[i - 1].IsNumber && tokens.Gap(i - 1).Trim(' ', '.').Length == 0
               && (NameWords.Calendar.Contains(tokens[i - 1].Text) || NumberWords.Labels.Contains(tokens[i - 1].Text));
    }

    /// <summary>
    /// Four digits from 1500 to 2100 after a word that introduces a date ("in 1913", "until 2011"),
    /// or not followed by a content word ("1800 kilometres" is a distance).
    /// </summary>
    private static bool IsYear(SentenceTokens tokens, int i, decimal value)
    {
        var t = tokens[i];
        if (t.Text.Length != 4 || !t.Text.All(char.IsAsciiDigit) || value < 1500 || value > 2100)
            return false;
        if (i > 0 && !tokens[i - 1].IsNumber && tokens.JoinsNext(i - 1) && NumberWords.YearIntroducers.Contains(tokens[i - 1].Text))
            return true;
        if (!tokens.JoinsNext(i))
            return true;
        var next = tokens[i + 1];
        return next.IsNumber || !char.IsLower(next.Text[0]) || NameWords.FunctionWords.Contains(next.Text) || CueWords.SpeechVerbs.Contains(next.Text)
               || next.Lower is "was" or "were" or "had" or "saw" or "brought" or "marked";
    }

    [GeneratedRegex(@"^([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?$")]
    private static partial Regex NumberShape();
}
