namespace Bot.Knowledge.Text;

/// <summary>
/// Splits a paragraph into sentences. Rule-based: a sentence ends at '.', '!' or '?' (with any
/// closing quotes or brackets) followed by whitespace, unless the word before is a known
/// abbreviation or an initial.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "rev", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co",
        "no", "e.g", "i.e", "u.s", "u.k", "u.n", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "approx", "gen", "col", "lt", "sgt", "capt",
    };

    public static IReadOnlyList<string> Split(string paragraph) =>
        Spans(paragraph).Select(s => paragraph.Substring(s.Start, s.Length)).ToArray();

    /// <summary>Where each sentence starts and how long it is, without surrounding white space.</summary>
    public static IReadOnlyList<TextSpan> Spans(string paragraph)
    {
        var sentences = new List<TextSpan>();
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            var c = paragraph[i];
            if (c is not ('.' or '!' or '?'))
                continue;

            var end = i + 1;
            while (end < paragraph.Length && IsCloser(paragraph[end]))
                end++;
            if (end < paragraph.Length && !char.IsWhiteSpace(paragraph[end]))
                continue; // "1.5", "U.S.A", "?!" inside a word
            if (c == '.' && EndsWithAbbreviation(paragraph, start, i))
                continue;

            Add(sentences, paragraph, start, end);
            start = end;
            i = end - 1;
        }

        Add(sentences, paragraph, start, paragraph.Length);
        return sentences;
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']' or '.' or '!' or '?';

    private static bool EndsWithAbbreviation(string text, int start, int dot)
    {
        var wordStart = dot;
        while (wordStart > start && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '\u201C'))
            wordStart--;
        var word = text[wordStart..dot];
        if (word.Length == 1 && char.IsUpper(word[0]))
            return true; // an initial: "J. Smith"
        return Abbreviations.Contains(word);
    }

    private static void Add(List<TextSpan> sentences, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (end > start)
            sentences.Add(new TextSpan(start, end - start));
    }
}
