using System.Globalization;
using Bot.Commands.Replies;
using Bot.Discord.Interactions;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Components;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using DiscordButtonStyle = Bot.Discord.Models.Components.ButtonStyle;
using DiscordEmbedField = Bot.Discord.Models.Messages.EmbedField;

namespace Bot.DiscordBridge;

/// <summary>
/// A command's <see cref="Reply"/> as Discord message data, as the command meant it: the dispatcher's
/// <see cref="Discord.Interactions.Policy.ReplyPolicy"/> fits it to Discord's limits and stops it pinging
/// anyone on the way out.
/// </summary>
internal static class DiscordMessages
{
    private const int ButtonsPerRow = 5;

    public static InteractionCallbackData ToDiscord(Reply reply) => new()
    {
        Content = string.IsNullOrEmpty(reply.Content) ? null : reply.Content,
        // An update leaves out what it does not change: empty lists clear the old embeds and buttons.
        Embeds = reply.Embeds.Count == 0 ? (reply.Kind == ReplyKind.UpdateMessage ? [] : null) : reply.Embeds.Select(ToDiscord).ToArray(),
        Components = reply.Buttons.Count == 0 ? (reply.Kind == ReplyKind.UpdateMessage ? [] : null) : Rows(reply.Buttons),
        Flags = reply.Ephemeral ? MessageFlags.Ephemeral : null,
    };

    /// <summary>A command's suggestions as autocomplete choices (the dispatcher's policy drops those Discord would refuse).</summary>
    public static IReadOnlyList<ApplicationCommandOptionChoice> ToDiscord(IEnumerable<AutocompleteChoice> choices) =>
        choices
            .Where(c => c is not null)
            .Select(c => new ApplicationCommandOptionChoice { Name = c.Name, Value = OptionValue.FromString(c.Value) })
            .ToArray();

    /// <summary>
    /// The reply for the dispatcher: a new message or an update, and for a new message everyone sees,
    /// its <see cref="Reply.WhenSent"/> work as the step the dispatcher runs with the message it delivered.
    /// </summary>
    public static InteractionReply ToInteractionReply(Reply reply, Interaction interaction)
    {
        if (reply.Kind == ReplyKind.UpdateMessage)
            return InteractionReply.UpdateMessage(ToDiscord(reply));
        var message = InteractionReply.Message(ToDiscord(reply));
        return reply.WhenSent is { } work && !reply.Ephemeral ? message with { AfterSent = AfterSent(interaction, work) } : message;
    }

    /// <summary>What the command's work returns goes to the invoker alone.</summary>
    private static Func<Message, CancellationToken, ValueTask<InteractionCallbackData?>> AfterSent(
        Interaction interaction, Func<SentMessage, CancellationToken, ValueTask<Reply?>> work) =>
        async (message, cancellationToken) =>
        {
            var channel = message.ChannelId != 0 ? message.ChannelId : interaction.ChannelId ?? interaction.Channel?.Id;
            var sent = new SentMessage(channel?.ToString(CultureInfo.InvariantCulture), message.Id.ToString(CultureInfo.InvariantCulture));
            var notice = await work(sent, cancellationToken).ConfigureAwait(false);
            return notice is null ? null : ToDiscord(notice with { Ephemeral = true, Kind = ReplyKind.NewMessage, WhenSent = null });
        };

    private static Embed ToDiscord(ReplyEmbed embed) => new()
    {
        Title = embed.Title,
        Description = embed.Description,
        Url = embed.Url,
        Fields = embed.Fields.Count == 0 ? null : embed.Fields.Select(f => new DiscordEmbedField { Name = f.Name, Value = f.Value, Inline = f.Inline ? true : null }).ToArray(),
        Footer = embed.Footer is { } footer ? new EmbedFooter { Text = footer } : null,
    };

    private static Component[] Rows(IReadOnlyList<ReplyButton> buttons) =>
        buttons.Chunk(ButtonsPerRow)
            .Select(row => new Component
            {
                Type = ComponentType.ActionRow,
                Components = row.Select(ToDiscord).ToArray(),
            })
            .ToArray();

    private static Component ToDiscord(ReplyButton button) => new()
    {
        Type = ComponentType.Button,
        Style = (int)(button.Style switch
        {
            ReplyButtonStyle.Primary => DiscordButtonStyle.Primary,
            ReplyButtonStyle.Success => DiscordButtonStyle.Success,
            ReplyButtonStyle.Danger => DiscordButtonStyle.Danger,
            _ => DiscordButtonStyle.Secondary,
        }),
        Label = button.Label,
        CustomId = button.CustomId,
        Disabled = button.Disabled ? true : null,
    };
}
