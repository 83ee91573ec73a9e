using System.Text;

namespace Bot.Commands.Replies;

/// <summary>Making text someone typed safe to show inside Discord Markdown.</summary>
public static class Markdown
{
    /// <summary>Invisible, and enough to stop Discord reading <c>@everyone</c> or <c>&lt;@123&gt;</c> as a mention.</summary>
    public const char ZeroWidthSpace = '\u200B';

    private static readonly string[] MassMentions = ["everyone", "here"];

    /// <summary>
    /// <paramref name="text"/> shown as typed: Markdown characters (<c>\ * _ ~ ` | [ ]</c>; quote,
    /// heading and list markers at the start of a line) are escaped with a backslash, and
    /// mentions, channel links, custom emoji and timestamps are broken with a zero-width space,
    /// so they show as text and ping nobody.
    /// </summary>
    public static string Escape(string text) => Rewrite(text, escapeMarkdown: true);

    /// <summary>
    /// Only the mention part of <see cref="Escape"/>: for text whose Markdown is meant to render
    /// (the knowledge's own articles) but which must never ping anyone.
    /// </summary>
    public static string NeutralizeMentions(string text) => Rewrite(text, escapeMarkdown: false);

    private static string Rewrite(string text, bool escapeMarkdown)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + 16);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                result.Append(c);
                lineStart = true;
                continue;
            }

            if (escapeMarkdown && lineStart)
            {
                if (c is ' ' or '\t')
                {
                    result.Append(c);
                    continue;
                }

                lineStart = false;
                if (EscapeLineStart(text, ref i, result))
                    continue;
            }

            lineStart = false;
            AppendInline(text, i, escapeMarkdown, result);
        }

        return result.ToString();
    }

    /// <summary>
    /// What would turn a line into a quote, heading, list item or numbered item ("1. item", "1) item")
    /// is escaped; true when the character at <paramref name="i"/> (and any digits after it) was written.
    /// </summary>
    private static bool EscapeLineStart(string text, ref int i, StringBuilder result)
    {
        var c = text[i];
        if (c is '>' or '#' or '-' or '+')
        {
            result.Append('\\').Append(c);
            return true;
        }

        if (!char.IsAsciiDigit(c))
            return false;
        var end = i;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
            end++;
        if (end >= text.Length || text[end] is not ('.' or ')'))
            return false;
        result.Append(text, i, end - i).Append('\\').Append(text[end]);
        i = end;
        return true;
    }

    /// <summary>One character anywhere in a line: formatting escaped when asked, mentions broken with a zero-width space.</summary>
    private static void AppendInline(string text, int i, bool escapeMarkdown, StringBuilder result)
    {
        var c = text[i];
        switch (c)
        {
            case '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' when escapeMarkdown:
                result.Append('\\').Append(c);
                break;
            case '<':
                // <@user>, <@!user>, <@&role>, <#channel>, <:emoji:id>, <t:time>, </command:id>, <https://...>
                result.Append(c);
                if (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
                    result.Append(ZeroWidthSpace);
                break;
            case '@':
                result.Append(c);
                if (MassMentions.Any(m => string.Compare(text, i + 1, m, 0, m.Length, StringComparison.OrdinalIgnoreCase) == 0))
                    result.Append(ZeroWidthSpace);
                break;
            default:
                result.Append(c);
                break;
        }
    }
}
