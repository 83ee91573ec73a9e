using Bot.Discord.Models.Messages;
using Bot.Limits;

namespace Bot.Discord.Interactions.Policy;

/// <summary>Embeds as Discord accepts them, whatever size the handler made them.</summary>
internal static class EmbedFit
{
    /// <summary>What Discord shows for a field name or value that must not be empty.</summary>
    private const string Blank = "\u200B";

    /// <summary>
    /// Each text cut to its limit (<see cref="TextLimits.Truncate"/>: at a sentence or word, with "…"),
    /// extra embeds and fields dropped, embeds with nothing to show dropped, blank field names and
    /// values filled, links that are not absolute http(s) addresses dropped, and then the texts
    /// shortened, longest first, to <see cref="DiscordLimits.EmbedTotalLength"/> in all. Null stays null
    /// (an edit leaves the embeds as they are).
    /// </summary>
    public static IReadOnlyList<Embed>? Fit(IReadOnlyList<Embed>? embeds)
    {
        if (embeds is null)
            return null;
        var fitted = embeds
            .Where(e => e is not null)
            .Select(FitOne)
            .Where(HasSomethingToShow)
            .Take(DiscordLimits.Embeds)
            .ToArray();
        return FitTotal(fitted);
    }

    /// <summary>The characters Discord counts towards <see cref="DiscordLimits.EmbedTotalLength"/>.</summary>
    public static int TotalLength(IEnumerable<Embed> embeds) => embeds.Sum(e => Texts(e).Sum(t => t.Length));

    private static Embed FitOne(Embed embed) => embed with
    {
        Title = Cut(embed.Title, DiscordLimits.EmbedTitleLength),
        Description = Cut(embed.Description, DiscordLimits.EmbedDescriptionLength),
        Url = IsWebAddress(embed.Url) ? embed.Url : null,
        Footer = embed.Footer is { } footer && Cut(footer.Text, DiscordLimits.EmbedFooterLength) is { } text ? footer with { Text = text } : null,
        Author = embed.Author is { } author && Cut(author.Name, DiscordLimits.EmbedAuthorNameLength) is { } name ? author with { Name = name } : null,
        Fields = embed.Fields?
            .Where(f => f is not null)
            .Take(DiscordLimits.EmbedFields)
            .Select(f => f with
            {
                Name = Cut(f.Name, DiscordLimits.EmbedFieldNameLength) ?? Blank,
                Value = Cut(f.Value, DiscordLimits.EmbedFieldValueLength) ?? Blank,
            })
            .ToArray(),
    };

    private static bool HasSomethingToShow(Embed e) =>
        e.Title is not null || e.Description is not null || e.Fields is { Count: > 0 } || e.Footer is not null
        || e.Author is not null || e.Image is not null || e.Thumbnail is not null;

    /// <summary>Null for missing or blank text (Discord trims it to nothing and refuses it), else the text cut to <paramref name="max"/>.</summary>
    private static string? Cut(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : TextLimits.Truncate(text, max);

    /// <summary>
    /// Shortens the longest texts to one common length, the largest that brings the total within the
    /// limit, so short titles, names and footers survive whole while a huge description gives way.
    /// </summary>
    private static Embed[] FitTotal(Embed[] embeds)
    {
        if (TotalLength(embeds) <= DiscordLimits.EmbedTotalLength)
            return embeds;

        var lengths = embeds.SelectMany(Texts).Select(t => t.Length).Order().ToArray();
        var cap = WaterLevel(lengths, DiscordLimits.EmbedTotalLength);
        return embeds.Select(e => e with
        {
            Title = CutTo(e.Title, cap),
            Description = CutTo(e.Description, cap),
            Footer = e.Footer is { } footer ? footer with { Text = TextLimits.Truncate(footer.Text, cap) } : null,
            Author = e.Author is { } author ? author with { Name = TextLimits.Truncate(author.Name, cap) } : null,
            Fields = e.Fields?.Select(f => f with { Name = TextLimits.Truncate(f.Name, cap), Value = TextLimits.Truncate(f.Value, cap) }).ToArray(),
        })
            .ToArray();
    }

    private static string? CutTo(string? text, int cap) => text is null ? null : TextLimits.Truncate(text, cap);

    /// <summary>Title, description, field names and values, footer and author name: what Discord counts.</summary>
    private static IEnumerable<string> Texts(Embed embed)
    {
        if (embed.Title is { } title)
            yield return title;
        if (embed.Description is { } description)
            yield return description;
        foreach (var field in embed.Fields ?? [])
        {
            yield return field.Name;
            yield return field.Value;
        }

        if (embed.Footer is { } footer)
            yield return footer.Text;
        if (embed.Author is { } author)
            yield return author.Name;
    }

    /// <summary>The largest cap such that the lengths, each cut to it, sum to at most <paramref name="budget"/>.</summary>
    private static int WaterLevel(int[] sortedLengths, int budget)
    {
        var left = budget;
        for (var i = 0; i < sortedLengths.Length; i++)
        {
            var remaining = sortedLengths.Length - i;
            if ((long)sortedLengths[i] * remaining > left)
                return Math.Max(1, left / remaining);
            left -= sortedLengths[i];
        }

        return int.MaxValue;
    }

    private static bool IsWebAddress(string? url) =>
        url is { Length: <= DiscordLimits.EmbedUrlLength }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
