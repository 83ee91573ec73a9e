namespace Bot.Limits;

// Compiled into each project that cuts text (internal there): the dispatcher's reply policy in
// Bot.Discord fits every message with it, and the commands cut their excerpts and echoes with the
// same rule, yet neither project references the other (src/Shared/DiscordLimits.cs says why).

/// <summary>Shortening text to a limit so that what is left still reads well.</summary>
internal static class TextLimits
{
    public const string Ellipsis = "…";

    /// <summary>Punctuation left dangling by a cut between words: "the director," reads better as "the director…".</summary>
    private static readonly char[] Dangling = [',', ';', ':', '-', '–', '—', '(', '[', '/', ' ', '\t', '\r', '\n'];

    private static readonly char[] Closers = ['"', '\'', '”', '’', ')', ']', '*', '_'];

    /// <summary>
    /// <paramref name="text"/> when it fits in <paramref name="max"/> characters; otherwise its
    /// start, cut at the end of a sentence or else between words when one lies in the second half
    /// of what fits (else wherever it must), followed by "…". Never longer than
    /// <paramref name="max"/>, and never splits a surrogate pair.
    /// </summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (text.Length <= max)
            return text;
        if (max == 0)
            return "";

        var room = max - Ellipsis.Length;
        var sentence = LastSentenceEnd(text, room - 1);
        if (sentence > 0 && sentence >= room / 2)
            return string.Concat(text.AsSpan(0, sentence), " ", Ellipsis);

        var word = LastWordBreak(text, room);
        if (word > 0 && word >= room / 2)
        {
            var kept = text.AsSpan(0, word).TrimEnd(Dangling);
            if (kept.Length > 0)
                return string.Concat(kept, Ellipsis);
        }

        return string.Concat(text.AsSpan(0, SafeCut(text, room)), Ellipsis);
    }

    /// <summary>The longest prefix of at most <paramref name="length"/> characters that does not end inside a surrogate pair.</summary>
    public static int SafeCut(string text, int length)
    {
        if (length >= text.Length)
            return text.Length;
        if (length <= 0)
            return 0;
        return char.IsHighSurrogate(text[length - 1]) && char.IsLowSurrogate(text[length]) ? length - 1 : length;
    }

    /// <summary>The length of the longest prefix, at most <paramref name="limit"/> long, that ends a sentence before a space; 0 if none.</summary>
    private static int LastSentenceEnd(string text, int limit)
    {
        for (var end = Math.Min(limit, text.Length - 1); end > 0; end--)
        {
            if (!char.IsWhiteSpace(text[end]))
                continue;
            var at = end - 1;
            while (at > 0 && Array.IndexOf(Closers, text[at]) >= 0)
                at--;
            if (text[at] is '.' or '!' or '?' or '…' or '。' or '！' or '？')
                return end;
        }

        return 0;
    }

    /// <summary>The length of the longest prefix, at most <paramref name="limit"/> long, followed by white space; 0 if none.</summary>
    private static int LastWordBreak(string text, int limit)
    {
        for (var end = Math.Min(limit, text.Length - 1); end > 0; end--)
        {
            if (char.IsWhiteSpace(text[end]))
                return end;
        }

        return 0;
    }
}
