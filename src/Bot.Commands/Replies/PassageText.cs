using System.Text;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Text;
using Bot.Limits;

namespace Bot.Commands.Replies;

/// <summary>Knowledge passages as Markdown: where they come from, and excerpts with the words that matched in bold.</summary>
internal static class PassageText
{
    /// <summary>"Document > Section", or the document's title before its first section.</summary>
    public static string Source(Passage passage) =>
        passage.Section.Length > 0 ? $"{passage.Title} > {passage.Section}" : passage.Title;

    /// <summary>The source as it may be shown: pinging nobody.</summary>
    public static string ShownSource(Passage passage) => Markdown.NeutralizeMentions(Source(passage));

    /// <summary>The document's address when its source is an absolute http(s) one, for linking a title to it.</summary>
    public static string? Link(Passage passage) =>
        Uri.TryCreate(passage.Source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? passage.Source : null;

    /// <summary>
    /// <paramref name="text"/> with <paramref name="matches"/> in bold, in at most <paramref name="max"/>
    /// characters bold marks included: the whole text when it fits, else the part from the sentence
    /// holding <paramref name="focus"/> on (when the focus lies beyond what fits from the start),
    /// cut at a sentence or word and marked with "…" where text was left out.
    /// </summary>
    public static string Excerpt(string text, IReadOnlyList<TextSpan> matches, TextSpan? focus, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(matches);
        var room = max;
        while (true)
        {
            var excerpt = Excerpt(text, matches, focus, room, out var untouched);
            if (excerpt.Length <= max || room <= 1)
                return excerpt.Length <= max ? excerpt : untouched;
            room -= Math.Max(excerpt.Length - max, 4);
        }
    }

    /// <param name="plain">The same excerpt without bold marks, which always fits <paramref name="room"/>.</param>
    private static string Excerpt(string text, IReadOnlyList<TextSpan> matches, TextSpan? focus, int room, out string plain)
    {
        var start = 0;
        if (text.Length > room && focus is { } f && f.End > room - 1)
            start = SentenceStart(text, Math.Min(f.Start, text.Length));
        var window = text[start..];
        var lead = start > 0 ? TextLimits.Ellipsis + " " : "";
        var cut = TextLimits.Truncate(window, Math.Max(0, room - lead.Length));
        var kept = CommonPrefix(window, cut);
        var shifted = matches
            .Select(m => new TextSpan(m.Start - start, m.Length))
            .Where(m => m.Start >= 0 && m.Length > 0 && m.End <= kept);
        plain = lead + cut;
        return lead + Emphasize(cut, shifted);
    }

    /// <summary>Wraps the spans in <c>**</c>, joining spans apart only by spaces ("Madeleine Gavin") into one run.</summary>
    public static string Emphasize(string text, IEnumerable<TextSpan> spans)
    {
        var runs = new List<TextSpan>();
        foreach (var span in spans.Where(s => s.Length > 0 && s.Start >= 0 && s.End <= text.Length).OrderBy(s => s.Start))
        {
            if (runs.Count > 0 && span.Start < runs[^1].End)
                continue;
            if (runs.Count > 0 && IsSpaceBetweenWords(text.AsSpan(runs[^1].End, span.Start - runs[^1].End)))
                runs[^1] = new TextSpan(runs[^1].Start, span.End - runs[^1].Start);
            else
                runs.Add(span);
        }

        var result = new StringBuilder(text.Length + runs.Count * 4);
        var at = 0;
        foreach (var run in runs)
        {
            result.Append(text, at, run.Start - at).Append("**").Append(text, run.Start, run.Length).Append("**");
            at = run.End;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Text someone typed, on one line: line breaks become spaces.</summary>
    public static string OneLine(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
            result.Append(c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' ? ' ' : c);
        return result.ToString();
    }

    /// <summary>Typed text quoted in a reply: one line, Markdown and mentions escaped.</summary>
    public static string Quote(string typed) => "> " + Markdown.Escape(OneLine(typed));

    /// <summary>Typed text shown inside our own sentence: one line, escaped, cut to <paramref name="max"/> before escaping.</summary>
    public static string Echo(string typed, int max) =>
        Markdown.Escape(TextLimits.Truncate(OneLine(typed).Trim(), max));

    private static int SentenceStart(string text, int at)
    {
        var start = 0;
        foreach (var sentence in SentenceSplitter.Spans(text))
        {
            if (sentence.Start > at)
                break;
            start = sentence.Start;
        }

        return start;
    }

    private static bool IsSpaceBetweenWords(ReadOnlySpan<char> gap) => gap.IsWhiteSpace() && !gap.ContainsAny('\n', '\r');

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
            n++;
        return n;
    }
}
