namespace Bot.Commands.Replies;

/// <summary>Cutting a reply down to what Discord accepts, however big the command made it.</summary>
public static class ReplyLimits
{
    /// <summary>What Discord shows for a field name or value that must not be empty.</summary>
    private const string Blank = "\u200B";

    /// <summary>
    /// A reply Discord would accept: content, titles, descriptions, fields, footers and labels cut
    /// to their limits (<see cref="TextLimits.Truncate"/>); extra embeds, fields and buttons
    /// dropped; the embeds' text shortened, longest parts first, to 6000 characters in all;
    /// buttons whose custom id is empty, too long or used twice dropped (their clicks could not be
    /// routed); empty field names and values and empty labels filled; links that are not absolute
    /// http(s) addresses dropped; a message with nothing in it given "…".
    /// </summary>
    public static Reply Fit(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var content = string.IsNullOrEmpty(reply.Content) ? null : TextLimits.Truncate(reply.Content, DiscordLimits.ContentLength);
        var embeds = FitTotal(reply.Embeds
            .Where(e => e is not null)
            .Select(FitEmbed)
            .Where(e => e.Title is not null || e.Description is not null || e.Fields.Count > 0 || e.Footer is not null)
            .Take(DiscordLimits.Embeds)
            .ToArray());
        var buttons = FitButtons(reply.Buttons);
        if (content is null && embeds.Count == 0 && buttons.Count == 0)
            content = TextLimits.Ellipsis;
        return reply with { Content = content, Embeds = embeds, Buttons = buttons };
    }

    /// <summary>
    /// Suggestions Discord would accept: at most 25, names cut to 100 characters (a blank name
    /// shows the value), and choices whose value is empty or longer than 100 characters dropped,
    /// since cutting a value would change what is submitted.
    /// </summary>
    public static IReadOnlyList<AutocompleteChoice> Fit(IEnumerable<AutocompleteChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return choices
            .Where(c => c is not null && c.Value is { Length: > 0 and <= DiscordLimits.ChoiceValueLength } && !string.IsNullOrWhiteSpace(c.Value))
            .Take(DiscordLimits.AutocompleteChoices)
            .Select(c => c with
            {
                Name = TextLimits.Truncate(string.IsNullOrWhiteSpace(c.Name) ? c.Value : c.Name, DiscordLimits.ChoiceNameLength),
            })
            .ToArray();
    }

    /// <summary>Whether <paramref name="reply"/> is within every limit <see cref="Fit"/> enforces.</summary>
    public static bool IsWithinLimits(Reply reply) => Problems(reply).Count == 0;

    /// <summary>Every limit <paramref name="reply"/> breaks, in words; empty when Discord would accept it.</summary>
    public static IReadOnlyList<string> Problems(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
                problems.Add(problem);
        }

        Check(reply.Content is null || reply.Content.Length <= DiscordLimits.ContentLength, $"content is {reply.Content?.Length} characters");
        Check(!string.IsNullOrEmpty(reply.Content) || reply.Embeds.Count > 0 || reply.Buttons.Count > 0, "the message is empty");
        Check(reply.Embeds.Count <= DiscordLimits.Embeds, $"{reply.Embeds.Count} embeds");
        Check(TotalLength(reply.Embeds) <= DiscordLimits.EmbedTotalLength, $"embeds total {TotalLength(reply.Embeds)} characters");
        foreach (var embed in reply.Embeds)
        {
            Check((embed.Title?.Length ?? 0) <= DiscordLimits.EmbedTitleLength, $"an embed title is {embed.Title?.Length} characters");
            Check((embed.Description?.Length ?? 0) <= DiscordLimits.EmbedDescriptionLength, $"an embed description is {embed.Description?.Length} characters");
            Check((embed.Footer?.Length ?? 0) <= DiscordLimits.EmbedFooterLength, $"an embed footer is {embed.Footer?.Length} characters");
            Check(embed.Fields.Count <= DiscordLimits.EmbedFields, $"an embed has {embed.Fields.Count} fields");
            Check(embed.Url is null || IsWebAddress(embed.Url), $"embed link '{embed.Url}' is not an http(s) address");
            foreach (var field in embed.Fields)
            {
                Check(!string.IsNullOrWhiteSpace(field.Name) && field.Name.Length <= DiscordLimits.EmbedFieldNameLength, $"a field name is {field.Name.Length} characters");
                Check(!string.IsNullOrWhiteSpace(field.Value) && field.Value.Length <= DiscordLimits.EmbedFieldValueLength, $"a field value is {field.Value.Length} characters");
            }
        }

        Check(reply.Buttons.Count <= DiscordLimits.Buttons, $"{reply.Buttons.Count} buttons");
        Check(reply.Buttons.Select(b => b.CustomId).Distinct(StringComparer.Ordinal).Count() == reply.Buttons.Count, "two buttons share a custom id");
        foreach (var button in reply.Buttons)
        {
            Check(!string.IsNullOrWhiteSpace(button.Label) && button.Label.Length <= DiscordLimits.ButtonLabelLength, $"a button label is {button.Label.Length} characters");
            Check(button.CustomId.Length is > 0 and <= DiscordLimits.CustomIdLength, $"a custom id is {button.CustomId.Length} characters");
        }

        return problems;
    }

    /// <summary>The characters Discord counts towards <see cref="DiscordLimits.EmbedTotalLength"/>.</summary>
    public static int TotalLength(IEnumerable<ReplyEmbed> embeds) =>
        embeds.Sum(e => (e.Title?.Length ?? 0) + (e.Description?.Length ?? 0) + (e.Footer?.Length ?? 0)
                        + e.Fields.Sum(f => f.Name.Length + f.Value.Length));

    private static ReplyEmbed FitEmbed(ReplyEmbed embed) => new()
    {
        Title = Cut(embed.Title, DiscordLimits.EmbedTitleLength),
        Description = Cut(embed.Description, DiscordLimits.EmbedDescriptionLength),
        Footer = Cut(embed.Footer, DiscordLimits.EmbedFooterLength),
        Url = embed.Url is { } url && IsWebAddress(url) ? url : null,
        Fields = embed.Fields
            .Where(f => f is not null)
            .Take(DiscordLimits.EmbedFields)
            .Select(f => new ReplyEmbedField(
                Cut(f.Name, DiscordLimits.EmbedFieldNameLength) ?? Blank,
                Cut(f.Value, DiscordLimits.EmbedFieldValueLength) ?? Blank,
                f.Inline))
            .ToArray(),
    };

    /// <summary>Null for missing or blank text (Discord trims it to nothing and refuses it), else the text cut to <paramref name="max"/>.</summary>
    private static string? Cut(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : TextLimits.Truncate(text, max);

    /// <summary>
    /// Shortens the longest texts to one common length, the largest that brings the total within
    /// the limit, so short titles, names and footers survive whole while a huge description gives way.
    /// </summary>
    private static IReadOnlyList<ReplyEmbed> FitTotal(ReplyEmbed[] embeds)
    {
        if (TotalLength(embeds) <= DiscordLimits.EmbedTotalLength)
            return embeds;

        var lengths = embeds
            .SelectMany(e => new[] { e.Title, e.Description, e.Footer }.Concat(e.Fields.SelectMany(f => new[] { f.Name, f.Value })))
            .Where(t => t is not null)
            .Select(t => t!.Length)
            .Order()
            .ToArray();
        var cap = WaterLevel(lengths, DiscordLimits.EmbedTotalLength);
        return embeds.Select(e => e with
            {
                Title = e.Title is null ? null : TextLimits.Truncate(e.Title, cap),
                Description = e.Description is null ? null : TextLimits.Truncate(e.Description, cap),
                Footer = e.Footer is null ? null : TextLimits.Truncate(e.Footer, cap),
                Fields = e.Fields.Select(f => f with { Name = TextLimits.Truncate(f.Name, cap), Value = TextLimits.Truncate(f.Value, cap) }).ToArray(),
            })
            .ToArray();
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

    private static IReadOnlyList<ReplyButton> FitButtons(IReadOnlyList<ReplyButton> buttons)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return buttons
            .Where(b => b is not null && b.CustomId is { Length: > 0 and <= DiscordLimits.CustomIdLength } && seen.Add(b.CustomId))
            .Take(DiscordLimits.Buttons)
            .Select(b => b with
            {
                Label = string.IsNullOrWhiteSpace(b.Label) ? TextLimits.Ellipsis : TextLimits.Truncate(b.Label, DiscordLimits.ButtonLabelLength),
                Style = Enum.IsDefined(b.Style) ? b.Style : ReplyButtonStyle.Secondary,
            })
            .ToArray();
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
