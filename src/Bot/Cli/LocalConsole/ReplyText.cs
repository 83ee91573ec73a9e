using System.Text;
using Bot.Commands.Replies;
using Bot.Discord.Interactions.Policy;
using Bot.Discord.Models.Components;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Bot.DiscordBridge;

namespace Bot.Cli.LocalConsole;

/// <summary>
/// A reply as a terminal shows it, once it is what Discord would get: the same conversion and the
/// same <see cref="ReplyPolicy"/> as the dispatcher (fitted to Discord's limits). The content, each
/// embed as a card behind a bar (title, link, description, fields, footer), then the buttons
/// numbered for pressing: <c>[1] More passages  [2] Share</c>.
/// </summary>
internal static class ReplyText
{
    private const string Bar = "│ ";

    /// <summary>The message members would see for <paramref name="reply"/>.</summary>
    public static InteractionCallbackData AsSent(Reply reply) =>
        ReplyPolicy.Outgoing(DiscordMessages.ToDiscord(reply), reply.Ephemeral);

    /// <param name="ansi">Bold as ANSI on a terminal; otherwise Markdown left as Discord would get it.</param>
    /// <param name="time">On a terminal, the clock and time zone Discord's timestamps are shown in (<see cref="DiscordTimestamps"/>); left as markup when null.</param>
    public static string Render(Reply reply, bool ansi, TimeProvider? time = null) =>
        Render(AsSent(reply), reply.Kind == ReplyKind.UpdateMessage, ansi, time);

    /// <param name="update">Whether the message replaces the one whose button was pressed.</param>
    public static string Render(InteractionCallbackData message, bool update, bool ansi, TimeProvider? time = null)
    {
        var text = new StringBuilder();
        if (update)
            text.AppendLine("(the message is updated)");
        if (!string.IsNullOrEmpty(message.Content))
            text.AppendLine(Markdown(message.Content, ansi, time));
        foreach (var embed in message.Embeds ?? [])
            AppendEmbed(text, embed, ansi, time);
        var buttons = Buttons(message);
        if (buttons.Count > 0)
            text.AppendLine(Numbered(buttons));
        if (ReplyPolicy.IsEphemeral(message))
            text.AppendLine("(only you would see this on Discord)");
        return text.ToString().TrimEnd('\n', '\r');
    }

    /// <summary>The message's buttons, row by row: what the console numbers for pressing.</summary>
    public static IReadOnlyList<Component> Buttons(InteractionCallbackData message) =>
        (message.Components ?? [])
            .SelectMany(row => row.Components ?? [])
            .Where(c => c.Type == ComponentType.Button && c.CustomId is not null)
            .ToArray();

    /// <summary><c>[1] More passages  [2] Share</c>; a disabled button says so.</summary>
    public static string Numbered(IReadOnlyList<Component> buttons) =>
        string.Join("  ", buttons.Select((b, i) => $"[{i + 1}] {TerminalText.Sanitize(b.Label ?? "")}{(b.Disabled == true ? " (disabled)" : "")}"));

    /// <summary>Markdown for the terminal, with Discord's timestamps shown as dates when there is a terminal and a clock.</summary>
    private static string Markdown(string text, bool ansi, TimeProvider? time) =>
        TerminalText.Markdown(ansi && time is not null ? DiscordTimestamps.Render(text, time) : text, ansi);

    private static void AppendEmbed(StringBuilder text, Embed embed, bool ansi, TimeProvider? time)
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
            lines.Add(Markdown(embed.Description, ansi, time));
        }

        foreach (var field in embed.Fields ?? [])
        {
            lines.Add("");
            lines.Add(TerminalText.Bold(field.Name, ansi));
            lines.Add(Markdown(field.Value, ansi, time));
        }

        if (!string.IsNullOrEmpty(embed.Footer?.Text))
        {
            lines.Add("");
            lines.Add(TerminalText.Sanitize(embed.Footer.Text));
        }

        foreach (var line in string.Join('\n', lines).Split('\n'))
            text.AppendLine((Bar + line).TrimEnd('\r', ' '));
    }
}
