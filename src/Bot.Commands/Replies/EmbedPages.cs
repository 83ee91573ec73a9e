using System.Globalization;
using Bot.Limits;

namespace Bot.Commands.Replies;

/// <summary>
/// Paging a list of embed fields with Previous and Next buttons, for the commands whose lists can
/// outgrow one message (/help, /sources). The page number travels in the button's custom id as
/// <c>page:{n}</c>; it is only a position in a public list, so it needs no MAC, and any value is
/// clamped to the pages that exist.
/// </summary>
internal static class EmbedPages
{
    private const string PagePrefix = "page:";

    /// <summary>What a page's fields may take of the embed total, leaving room for the title, introduction and footer.</summary>
    private const int PageBudget = DiscordLimits.EmbedTotalLength - 400;

    /// <summary>Fields in order, as many to a page as fit <paramref name="perPage"/> and the length budget; always at least one (maybe empty) page.</summary>
    public static List<ReplyEmbedField[]> Split(IEnumerable<ReplyEmbedField> fields, int perPage)
    {
        var pages = new List<ReplyEmbedField[]>();
        var page = new List<ReplyEmbedField>();
        var length = 0;
        foreach (var field in fields)
        {
            var size = field.Name.Length + field.Value.Length;
            if (page.Count > 0 && (page.Count == perPage || length + size > PageBudget))
            {
                pages.Add([.. page]);
                page.Clear();
                length = 0;
            }

            page.Add(field);
            length += size;
        }

        pages.Add([.. page]);
        return pages;
    }

    /// <summary>The custom id data of the button that shows page <paramref name="index"/>.</summary>
    public static string Data(int index) => PagePrefix + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The page a click names (0 for anything that is not a page number).</summary>
    public static int Parse(string data) =>
        data.StartsWith(PagePrefix, StringComparison.Ordinal)
        && int.TryParse(data.AsSpan(PagePrefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : 0;

    /// <summary>Previous and Next for page <paramref name="index"/> of <paramref name="count"/>; none for a single page.</summary>
    public static IReadOnlyList<ReplyButton> Buttons(int index, int count, Func<int, string> customId) =>
        count > 1
            ?
            [
                new("Previous", customId(Math.Max(0, index - 1)), ReplyButtonStyle.Secondary, Disabled: index == 0),
                new("Next", customId(Math.Min(count - 1, index + 1)), ReplyButtonStyle.Secondary, Disabled: index == count - 1),
            ]
            : [];
}
