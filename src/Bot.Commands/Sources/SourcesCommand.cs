using System.Globalization;
using Bot.Commands.Ask;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Knowledge.Documents;
using Bot.Limits;

namespace Bot.Commands.Sources;

/// <summary>
/// <c>/sources</c>: the documents the knowledge holds, as the index has them (title, source from
/// the front matter, number of passages), shown only to the asker; Previous and Next buttons
/// (custom ids <c>sources:page:{n}</c>) when they outgrow one page.
/// </summary>
public sealed class SourcesCommand : IComponentCommand
{
    public const string Name = "sources";

    public const string Title = "Sources";
    public const string Introduction = "Every answer comes from these documents of the knowledge folder, and from nothing else.";
    public const string EmptyText = "The knowledge folder holds no documents yet, so I can't answer anything. Moderators add Markdown articles to it.";

    /// <summary>Documents on one page at most.</summary>
    public const int DocumentsPerPage = 10;

    private const string PagePrefix = "page:";

    /// <summary>What a page's fields may take of the embed total, leaving room for the title, introduction and footer.</summary>
    private const int PageBudget = DiscordLimits.EmbedTotalLength - 400;

    /// <summary>A front-matter source longer than this is cut: it is a reference, not text to read.</summary>
    private const int SourceLength = 300;

    public CommandDefinition Definition { get; } = new(Name, "List the documents of the knowledge folder that answers come from.") { Ephemeral = true };

    public ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Page(context.Knowledge, 0, ReplyKind.NewMessage));
    }

    public ValueTask<Reply> HandleComponentAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var data = context.Data;
        var page = data.StartsWith(PagePrefix, StringComparison.Ordinal)
                   && int.TryParse(data.AsSpan(PagePrefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : 0;
        return ValueTask.FromResult(Page(context.Knowledge, page, ReplyKind.UpdateMessage));
    }

    private static Reply Page(IKnowledgeReader knowledge, int index, ReplyKind kind)
    {
        if (!knowledge.IsReady)
            return new Reply { Content = AskCommand.NotReadyText, Ephemeral = true, Kind = kind };
        var documents = knowledge.Contents().Documents;
        if (documents.Count == 0)
            return new Reply { Content = EmptyText, Ephemeral = true, Kind = kind };

        var pages = Paginate(documents.Select(Describe));
        index = Math.Clamp(index, 0, pages.Count - 1);
        var passages = documents.Sum(d => d.Passages.Count);
        var embed = new ReplyEmbed
        {
            Title = Title,
            Description = Introduction,
            Fields = pages[index],
            Footer = (pages.Count > 1 ? $"Page {index + 1} of {pages.Count} · " : "")
                     + $"{Count(documents.Count, "document")}, {Count(passages, "passage")}",
        };
        IReadOnlyList<ReplyButton> buttons = pages.Count > 1
            ?
            [
                new("Previous", PageId(Math.Max(0, index - 1)), ReplyButtonStyle.Secondary, Disabled: index == 0),
                new("Next", PageId(Math.Min(pages.Count - 1, index + 1)), ReplyButtonStyle.Secondary, Disabled: index == pages.Count - 1),
            ]
            : [];
        return new Reply { Embeds = [embed], Buttons = buttons, Ephemeral = true, Kind = kind };
    }

    /// <summary>One field per document: its title as the name; its source and passage count as the value.</summary>
    private static ReplyEmbedField Describe(KnowledgeDocument document) => new(
        Markdown.NeutralizeMentions(document.Title),
        Markdown.NeutralizeMentions($"Source: {TextLimits.Truncate(PassageText.OneLine(document.Source), SourceLength)}\n{Count(document.Passages.Count, "passage")}"));

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    private static string PageId(int index) => CustomIds.Create(Name, PagePrefix + index.ToString(CultureInfo.InvariantCulture));

    private static List<ReplyEmbedField[]> Paginate(IEnumerable<ReplyEmbedField> fields)
    {
        var pages = new List<ReplyEmbedField[]>();
        var page = new List<ReplyEmbedField>();
        var length = 0;
        foreach (var field in fields)
        {
            var size = field.Name.Length + field.Value.Length;
            if (page.Count > 0 && (page.Count == DocumentsPerPage || length + size > PageBudget))
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
}
