using System.Globalization;
using System.Text;
using Bot.Knowledge.Text;

namespace Bot.Knowledge.Topics;

/// <summary>
/// Text folded for comparing names as people type them: lower case, without accents or other
/// marks, curly quotes straight, white space runs as one space. "Zoë  Ånström" and "zoe anstrom"
/// fold alike.
/// </summary>
public static class FoldedText
{
    public static string Fold(string text) => Fold(text, out _).Trim();

    /// <summary>The folded text, and for each of its characters the index of the one it came from.</summary>
    public static string Fold(string text, out int[] origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        var from = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var at = i;
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (folded.Length == 0 || folded[^1] != ' ')
                    Add(' ', at);
                continue;
            }

            if (char.IsAscii(c))
            {
                Add(char.ToLowerInvariant(c), at);
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                Add(c, at);
                Add(text[++i], at);
                continue;
            }

            if (Special(c) is { } replacement)
            {
                foreach (var r in replacement)
                    Add(r, at);
                continue;
            }

            foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(part) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                    continue;
                Add(char.ToLowerInvariant(part), at);
            }
        }

        origin = [.. from];
        return folded.ToString();

        void Add(char c, int at)
        {
            folded.Append(c);
            from.Add(at);
        }
    }

    /// <summary>Letters that carry their accent in the letter itself, and typographic quotes and dashes.</summary>
    private static string? Special(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u02BC' or '\u00B4' or '`' => "'",
        '\u201C' or '\u201D' or '\u201E' => "\"",
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' => "-",
        'ø' or 'Ø' => "o",
        'ł' or 'Ł' => "l",
        'đ' or 'Đ' => "d",
        'ħ' or 'Ħ' => "h",
        'ı' => "i",
        'æ' or 'Æ' => "ae",
        'œ' or 'Œ' => "oe",
        'ß' => "ss",
        'þ' or 'Þ' => "th",
        _ => null,
    };

    /// <summary>Where <paramref name="phrase"/> (folded) occurs in <paramref name="folded"/> as whole words; -1 if nowhere.</summary>
    public static int IndexOfWords(string folded, string phrase)
    {
        if (phrase.Length == 0)
            return -1;
        for (var at = folded.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(folded[at - 1])) && (end == folded.Length || !char.IsLetterOrDigit(folded[end])))
                return at;
        }

        return -1;
    }

    /// <summary>Where the folded <paramref name="phrase"/> occurs as whole words in one sentence of a text, as spans of the text (case and accents ignored).</summary>
    public static IReadOnlyList<TextSpan> Occurrences(string text, TextSpan sentence, string phrase)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(phrase);
        if (phrase.Length == 0)
            return [];
        var folded = Fold(text.Substring(sentence.Start, sentence.Length), out var origin);
        var spans = new List<TextSpan>();
        for (var at = IndexOfWords(folded, phrase); at >= 0;)
        {
            var start = origin[at];
            var end = origin[at + phrase.Length - 1] + 1;
            spans.Add(new TextSpan(sentence.Start + start, end - start));
            var next = IndexOfWords(folded[(at + phrase.Length)..], phrase);
            at = next < 0 ? -1 : at + phrase.Length + next;
        }

        return spans;
    }
}
