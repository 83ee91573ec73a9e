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
        var page = EmbedPages.Parse(context.Data);
        return ValueTask.FromResult(Page(context.Knowledge, page, ReplyKind.UpdateMessage));
    }

    private static Reply Page(IKnowledgeReader knowledge, int index, ReplyKind kind)
    {
        if (!knowledge.IsReady)
            return new Reply { Content = AskCommand.NotReadyText, Ephemeral = true, Kind = kind };
        var documents = knowledge.Contents().Documents;
        if (documents.Count == 0)
            return new Reply { Content = EmptyText, Ephemeral = true, Kind = kind };

        var pages = EmbedPages.Split(documents.Select(Describe), DocumentsPerPage);
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
        var buttons = EmbedPages.Buttons(index, pages.Count, PageId);
        return new Reply { Embeds = [embed], Buttons = buttons, Ephemeral = true, Kind = kind };
    }

    /// <summary>One field per document: its title as the name; its source and passage count as the value.</summary>
    private static ReplyEmbedField Describe(KnowledgeDocument document) => new(
        Markdown.NeutralizeMentions(document.Title),
        Markdown.NeutralizeMentions($"Source: {TextLimits.Truncate(PassageText.OneLine(document.Source), SourceLength)}\n{Count(document.Passages.Count, "passage")}"));

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    private static string PageId(int index) => CustomIds.Create(Name, EmbedPages.Data(index));
}
