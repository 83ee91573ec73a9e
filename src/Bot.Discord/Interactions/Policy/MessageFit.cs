using System.Globalization;
using Bot.Discord.Models.Commands;
using Bot.Discord.Models.Interactions;
using Bot.Discord.Models.Messages;
using Bot.Limits;

namespace Bot.Discord.Interactions.Policy;

/// <summary>A message's data, and autocomplete suggestions, cut to what Discord accepts.</summary>
internal static class MessageFit
{
    /// <summary>
    /// Content cut to <see cref="DiscordLimits.ContentLength"/> (at a sentence or word, with "…"),
    /// embeds by <see cref="EmbedFit"/>, action rows by <see cref="ComponentFit"/>; a message left
    /// with nothing to show says "…". Components V2 messages are left to their handler.
    /// </summary>
    public static InteractionCallbackData Fit(InteractionCallbackData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if ((data.Flags ?? MessageFlags.None).HasFlag(MessageFlags.IsComponentsV2))
            return data;

        var fitted = data with
        {
            Content = string.IsNullOrEmpty(data.Content) ? data.Content : TextLimits.Truncate(data.Content, DiscordLimits.ContentLength),
            Embeds = EmbedFit.Fit(data.Embeds),
            Components = ComponentFit.Fit(data.Components),
        };
        return IsEmpty(fitted) ? fitted with { Content = TextLimits.Ellipsis } : fitted;
    }

    /// <summary>
    /// At most <see cref="DiscordLimits.AutocompleteChoices"/>, names cut to 100 characters (a blank
    /// name shows the value); a text choice whose value is blank or longer than 100 characters is
    /// dropped, since cutting a value would change what is submitted.
    /// </summary>
    public static IReadOnlyList<ApplicationCommandOptionChoice> Fit(IReadOnlyList<ApplicationCommandOptionChoice>? choices) =>
        (choices ?? [])
            .Where(c => c is not null && IsSubmittable(c.Value))
            .Take(DiscordLimits.AutocompleteChoices)
            .Select(c => c with { Name = TextLimits.Truncate(string.IsNullOrWhiteSpace(c.Name) ? Shown(c.Value) : c.Name, DiscordLimits.ChoiceNameLength) })
            .ToArray();

    private static bool IsEmpty(InteractionCallbackData data) =>
        string.IsNullOrEmpty(data.Content) && data.Embeds is not { Count: > 0 } && data.Components is not { Count: > 0 }
        && data.Attachments is not { Count: > 0 };

    private static bool IsSubmittable(OptionValue value) => value.Kind switch
    {
        OptionValueKind.String => value.TryGetString(out var text) && text.Length <= DiscordLimits.ChoiceValueLength && !string.IsNullOrWhiteSpace(text),
        OptionValueKind.Integer or OptionValueKind.Number => true,
        _ => false,
    };

    private static string Shown(OptionValue value) =>
        value.TryGetString(out var text) ? text
        : value.TryGetInt64(out var integer) ? integer.ToString(CultureInfo.InvariantCulture)
        : value.TryGetDouble(out var number) ? number.ToString(CultureInfo.InvariantCulture)
        : "";
}
