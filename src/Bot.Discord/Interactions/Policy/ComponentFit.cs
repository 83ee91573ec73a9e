using Bot.Discord.Models.Components;
using Bot.Limits;

namespace Bot.Discord.Interactions.Policy;

/// <summary>A message's action rows as Discord accepts them, whatever the handler built.</summary>
internal static class ComponentFit
{
    /// <summary>
    /// At most <see cref="DiscordLimits.ActionRows"/> rows, each of up to five buttons or one select;
    /// anything else at the top level dropped (a legacy message holds only rows). A button or select
    /// whose custom id is empty, too long or already used is dropped: its clicks could not be routed
    /// back. Labels, placeholders and select options are cut to their limits, a blank label becomes
    /// "…", an unknown button style Secondary. Null stays null (an edit leaves the rows as they are).
    /// </summary>
    public static IReadOnlyList<Component>? Fit(IReadOnlyList<Component>? components)
    {
        if (components is null)
            return null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return components
            .Where(c => c is { Type: ComponentType.ActionRow })
            .Select(row => FitRow(row, seen))
            .OfType<Component>()
            .Take(DiscordLimits.ActionRows)
            .ToArray();
    }

    private static Component? FitRow(Component row, HashSet<string> seen)
    {
        var children = (row.Components ?? [])
            .Where(c => c is not null)
            .Select(c => FitChild(c, seen))
            .OfType<Component>()
            .ToArray();
        if (children.Length == 0)
            return null;

        // A select fills its row alone; buttons share theirs, five at most.
        children = children[0].Type == ComponentType.Button
            ? children.Where(c => c.Type == ComponentType.Button).Take(DiscordLimits.ButtonsPerRow).ToArray()
            : [children[0]];
        return row with { Components = children };
    }

    private static Component? FitChild(Component component, HashSet<string> seen) => component.Type switch
    {
        ComponentType.Button => FitButton(component, seen),
        ComponentType.StringSelect => Routable(component, seen) ? FitStringSelect(component) : null,
        ComponentType.UserSelect or ComponentType.RoleSelect or ComponentType.MentionableSelect or ComponentType.ChannelSelect =>
            Routable(component, seen) ? component with { Placeholder = Cut(component.Placeholder, DiscordLimits.SelectPlaceholderLength) } : null,
        _ => null, // text inputs and layout components do not go in a message's action row
    };

    private static Component? FitButton(Component button, HashSet<string> seen)
    {
        var style = button.Style is >= (int)ButtonStyle.Primary and <= (int)ButtonStyle.Premium ? button.Style.Value : (int)ButtonStyle.Secondary;
        var routed = style is not ((int)ButtonStyle.Link or (int)ButtonStyle.Premium);
        if (routed && !Routable(button, seen))
            return null;
        if (style == (int)ButtonStyle.Link && !IsLink(button.Url))
            return null;

        var label = string.IsNullOrWhiteSpace(button.Label)
            ? (button.Emoji is null ? TextLimits.Ellipsis : null)
            : TextLimits.Truncate(button.Label, DiscordLimits.ButtonLabelLength);
        return button with { Style = style, Label = label };
    }

    /// <summary>Options whose value is empty or too long are dropped (cutting a value would change what is submitted).</summary>
    private static Component? FitStringSelect(Component select)
    {
        var options = (select.Options ?? [])
            .Where(o => o is not null && o.Value is { Length: > 0 and <= DiscordLimits.SelectOptionTextLength })
            .Take(DiscordLimits.SelectOptions)
            .Select(o => o with
            {
                Label = TextLimits.Truncate(string.IsNullOrWhiteSpace(o.Label) ? o.Value : o.Label, DiscordLimits.SelectOptionTextLength),
                Description = Cut(o.Description, DiscordLimits.SelectOptionTextLength),
            })
            .ToArray();
        if (options.Length == 0)
            return null;
        return select with
        {
            Options = options,
            Placeholder = Cut(select.Placeholder, DiscordLimits.SelectPlaceholderLength),
            MinValues = select.MinValues is { } min ? Math.Clamp(min, 0, options.Length) : null,
            MaxValues = select.MaxValues is { } max ? Math.Clamp(max, 1, options.Length) : null,
        };
    }

    /// <summary>Whether a click on it can come back to us: a custom id of 1 to 100 characters, unused so far in the message.</summary>
    private static bool Routable(Component component, HashSet<string> seen) =>
        component.CustomId is { Length: > 0 and <= DiscordLimits.CustomIdLength } id && seen.Add(id);

    private static string? Cut(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : TextLimits.Truncate(text, max);

    private static bool IsLink(string? url) =>
        url is { Length: <= 512 }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https" or "discord";
}
