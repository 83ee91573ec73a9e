using System.Text;

namespace Bot.Cli.LocalConsole;

/// <summary>
/// Text from replies made safe and readable on a terminal: control characters (an escape
/// sequence in a question could move the cursor or retitle the window) shown as their symbols,
/// and, on a terminal, Discord's <c>**bold**</c> as ANSI bold with backslash escapes removed.
/// </summary>
internal static class TerminalText
{
    public const string BoldOn = "\u001b[1m";
    public const string BoldOff = "\u001b[22m";

    /// <summary>Tabs and line breaks kept; other control characters as the symbols Unicode has for them (␛ for escape).</summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(IsUnsafe))
            return text;
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                < '\u0020' when IsUnsafe(c) => (char)(0x2400 + c),
                '\u007f' => '␡',
                >= '\u0080' and <= '\u009f' => '\uFFFD',
                _ => c,
            });
        }

        return result.ToString();
    }

    /// <summary>
    /// Discord Markdown for a terminal: <c>**…**</c> in ANSI bold, <c>\*</c> shown as <c>*</c>.
    /// With <paramref name="ansi"/> off the Markdown is left as it is, as Discord would receive it.
    /// </summary>
    public static string Markdown(string text, bool ansi)
    {
        var safe = Sanitize(text);
        if (!ansi)
            return safe;
        var result = new StringBuilder(safe.Length);
        var bold = false;
        for (var i = 0; i < safe.Length; i++)
        {
            var c = safe[i];
            if (c == '\\' && i + 1 < safe.Length && IsEscapable(safe[i + 1]))
            {
                result.Append(safe[++i]);
            }
            else if (c == '*' && i + 1 < safe.Length && safe[i + 1] == '*')
            {
                result.Append(bold ? BoldOff : BoldOn);
                bold = !bold;
                i++;
            }
            else
            {
                result.Append(c);
            }
        }

        if (bold)
            result.Append(BoldOff);
        return result.ToString();
    }

    public static string Bold(string text, bool ansi) => ansi ? BoldOn + Sanitize(text) + BoldOff : Sanitize(text);

    private static bool IsUnsafe(char c) => (c < '\u0020' && c is not '\n' and not '\t') || c == '\u007f' || c is >= '\u0080' and <= '\u009f';

    private static bool IsEscapable(char c) => c is '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' or '>' or '#' or '-' or '+' or '.' or ')';
}
