using System.Text;
using Bot.Commands.Replies;

namespace Bot.Cli.LocalConsole;

/// <summary>
/// A reply as a terminal shows it: the content, each embed as a card behind a bar (title, link,
/// description, fields, footer), then the buttons numbered for pressing: <c>[1] More passages  [2] Share</c>.
/// </summary>
internal static class ReplyText
{
    private const string Bar = "│ ";

    /// <param name="ansi">Bold as ANSI on a terminal; otherwise Markdown left as Discord would get it.</param>
    public static string Render(Reply reply, bool ansi)
    {
        var text = new StringBuilder();
        if (reply.Kind == ReplyKind.UpdateMessage)
            text.AppendLine("(the message is updated)");
        if (!string.IsNullOrEmpty(reply.Content))
            text.AppendLine(TerminalText.Markdown(reply.Content, ansi));
        foreach (var embed in reply.Embeds)
            AppendEmbed(text, embed, ansi);
        if (reply.Buttons.Count > 0)
            text.AppendLine(Buttons(reply.Buttons));
        if (reply.Ephemeral)
            text.AppendLine("(only you would see this on Discord)");
        return text.ToString().TrimEnd('\n', '\r');
    }

    /// <summary><c>[1] More passages  [2] Share</c>; a disabled button says so.</summary>
    public static string Buttons(IReadOnlyList<ReplyButton> buttons) =>
        string.Join("  ", buttons.Select((b, i) => $"[{i + 1}] {TerminalText.Sanitize(b.Label)}{(b.Disabled ? " (disabled)" : "")}"));

    private static void AppendEmbed(StringBuilder text, ReplyEmbed embed, bool ansi)
    {
        var lines = new List<string>();
        if (!string.IsNullOrEmpty(embed.Title))
            lines.Add(TerminalText.Bold(embed.Title, ansi));
        if (!string.IsNullOrEmpty(embed.Url))
            lines.Add(TerminalText.Sanitize(embed.Url));
        if (!string.IsNullOrEmpty(embed.Description))
        {
            if (lines.Count > 0)
                lines.Add("");
            lines.Add(TerminalText.Markdown(embed.Description, ansi));
        }

        foreach (var field in embed.Fields)
        {
            lines.Add("");
            lines.Add(TerminalText.Bold(field.Name, ansi));
            lines.Add(TerminalText.Markdown(field.Value, ansi));
        }

        if (!string.IsNullOrEmpty(embed.Footer))
        {
            lines.Add("");
            lines.Add(TerminalText.Sanitize(embed.Footer));
        }

        foreach (var line in string.Join('\n', lines).Split('\n'))
            text.AppendLine((Bar + line).TrimEnd('\r', ' '));
    }
}
