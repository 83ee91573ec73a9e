namespace Bot.Knowledge.Trivia;

/// <summary>Whole-word search that treats "1,000" as one number and "Korea" as not inside "Korean".</summary>
internal static class TextSearch
{
    public static bool Mentions(string text, string phrase)
    {
        if (phrase.Length == 0)
            return false;
        for (var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + phrase.Length;
            var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]) && !(text[at - 1] is '.' or ',' && at >= 2 && char.IsDigit(text[at - 2]) && char.IsDigit(phrase[0]));
            var endsWord = end == text.Length || !char.IsLetterOrDigit(text[end]) && !(text[end] is '.' or ',' && end + 1 < text.Length && char.IsDigit(text[end + 1]) && char.IsDigit(phrase[^1]));
            if (startsWord && endsWord)
                return true;
        }

        return false;
    }
}
