using Bot.Commands.Replies;
using Bot.Discord.Models.Components;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using DiscordButtonStyle = Bot.Discord.Models.Components.ButtonStyle;
using DiscordEmbedField = Bot.Discord.Models.Messages.EmbedField;

namespace Bot.DiscordBridge;

/// <summary>A command's <see cref="Reply"/> as Discord message data, fitted to Discord's limits first.</summary>
internal static class DiscordMessages
{
    private const int ButtonsPerRow = 5;

    public static InteractionCallbackData ToDiscord(Reply reply)
    {
        var fitted = ReplyLimits.Fit(reply);
        return new InteractionCallbackData
        {
            Content = fitted.Content,
            // An update leaves out what it does not change: empty lists clear the old embeds and buttons.
            Embeds = fitted.Embeds.Count == 0 ? (fitted.Kind == ReplyKind.UpdateMessage ? [] : null) : fitted.Embeds.Select(ToDiscord).ToArray(),
            Components = fitted.Buttons.Count == 0 ? (fitted.Kind == ReplyKind.UpdateMessage ? [] : null) : Rows(fitted.Buttons),
            Flags = fitted.Ephemeral ? MessageFlags.Ephemeral : null,
            AllowedMentions = AllowedMentions.None,
        };
    }

    private static Embed ToDiscord(ReplyEmbed embed) => new()
    {
        Title = embed.Title,
        Description = embed.Description,
        Url = embed.Url,
        Fields = embed.Fields.Count == 0 ? null : embed.Fields.Select(f => new DiscordEmbedField { Name = f.Name, Value = f.Value, Inline = f.Inline ? true : null }).ToArray(),
        Footer = embed.Footer is { } footer ? new EmbedFooter { Text = footer } : null,
    };

    private static IReadOnlyList<Component> Rows(IReadOnlyList<ReplyButton> buttons) =>
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
