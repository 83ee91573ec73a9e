using System.Text;
using Bot.Commands.Replies;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Text;

namespace Bot.Commands.Ask;

/// <summary>
/// An answer as a message: the question quoted above a card whose title is the answer sentence,
/// whose description is the passage it comes from with the question's words in bold, and whose
/// footer names the source. Everything shown comes from the knowledge, except the question,
/// which is escaped.
/// </summary>
internal static class AnswerCard
{
    /// <summary>Room for the passage, leaving some for the bold marks within the description's limit.</summary>
    private const int PassageLength = 3500;

    public static Reply Render(string question, Answer answer, bool ephemeral)
    {
        var best = answer.Passages[0];
        var passage = best.Passage;
        var source = passage.Section.Length > 0 ? $"{passage.Title} > {passage.Section}" : passage.Title;
        var embed = new ReplyEmbed
        {
            Title = TextLimits.Truncate(Markdown.NeutralizeMentions(answer.Sentence), DiscordLimits.EmbedTitleLength),
            Description = Markdown.NeutralizeMentions(Excerpt(passage.Text, best.Matches, best.AnswerSpan)),
            Footer = Markdown.NeutralizeMentions($"Source: {source}"),
            Url = Uri.TryCreate(passage.Source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? passage.Source : null,
        };
        return new Reply
        {
            Content = TextLimits.Truncate("> " + Markdown.Escape(OneLine(question)), DiscordLimits.ContentLength),
            Embeds = [embed],
            Ephemeral = ephemeral,
        };
    }

    /// <summary>The passage, or the part of a long one from the answer sentence on, with matched words in bold.</summary>
    private static string Excerpt(string text, IReadOnlyList<TextSpan> matches, TextSpan? answer)
    {
        var start = 0;
        if (text.Length > PassageLength && answer is { } a && a.End > PassageLength - 1)
            start = Math.Min(a.Start, text.Length);
        var window = text[start..];
        var cut = TextLimits.Truncate(window, PassageLength);
        var kept = CommonPrefix(window, cut);
        var shifted = matches
            .Select(m => new TextSpan(m.Start - start, m.Length))
            .Where(m => m.Start >= 0 && m.Length > 0 && m.End <= kept);
        var excerpt = Emphasize(cut, shifted);
        return start > 0 ? TextLimits.Ellipsis + " " + excerpt : excerpt;
    }

    /// <summary>Wraps the spans in <c>**</c>, joining spans apart only by spaces ("Madeleine Gavin") into one run.</summary>
    internal static string Emphasize(string text, IEnumerable<TextSpan> spans)
    {
        var runs = new List<TextSpan>();
        foreach (var span in spans.OrderBy(s => s.Start))
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

    private static bool IsSpaceBetweenWords(ReadOnlySpan<char> gap) => gap.IsWhiteSpace() && !gap.ContainsAny('\n', '\r');

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
            n++;
        return n;
    }

    private static string OneLine(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
            result.Append(c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' ? ' ' : c);
        return result.ToString();
    }
}
