using System.Globalization;
using Bot.Commands.Ask;
using Bot.Commands.Buttons;
using Bot.Commands.Cooldowns;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Knowledge.Answering;
using Bot.Limits;

namespace Bot.Commands.Search;

/// <summary>
/// <c>/search query:...</c>: the passages of the knowledge that best match some words, three to a
/// page with Previous and Next buttons (which replace the page shown), the matched words in bold
/// and each passage's source. A short private note when nothing matches.
/// </summary>
/// <remarks>
/// A page button's custom id is <c>search:{page}:'words</c> (or a key into <see cref="QueryReferences"/>
/// for long searches); a click runs the search again and shows the page it names, clamped to the
/// pages there are now. A click counts against the member's question cooldown.
/// </remarks>
public sealed class SearchCommand : IComponentCommand
{
    public const string Name = "search";
    public const string QueryOption = "query";

    public const int MaxQueryLength = AskCommand.MaxQuestionLength;
    public const int PassagesPerPage = 3;

    /// <summary>Passages found at most, over all pages.</summary>
    public const int MaxResults = 15;

    public const string EmptyQueryText = "Type some words after /search, e.g. /search director";
    public const string ExpiredText = "That search has expired; run /search again.";

    private readonly QuestionCooldown? _cooldown;
    private readonly QueryReferences _references;

    public SearchCommand(QuestionCooldown? cooldown = null, QueryReferences? references = null)
    {
        _cooldown = cooldown;
        _references = references ?? new QueryReferences();
    }

    public CommandDefinition Definition { get; } = new(Name, "Find the passages of the knowledge folder that mention some words.")
    {
        Options =
        [
            new(QueryOption, "The words to look for", OptionKind.String, Required: true) { MinLength = 1, MaxLength = MaxQueryLength },
        ],
    };

    public static string TooLongText(int length) =>
        $"That search is {length} characters long; /search takes up to {MaxQueryLength}. Try fewer words.";

    public static string NothingFoundText(string query) =>
        $"Nothing in the knowledge matches “{PassageText.Echo(query, 200)}”. Try other words, or /about for a person, place or subject.";

    public ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var query = QueryReferences.Normalize(context.Options.GetString(QueryOption) ?? "");
        if (query.Length == 0)
            return Done(Reply.Text(EmptyQueryText, ephemeral: true));
        var length = AskCommand.CountCharacters(query);
        if (length > MaxQueryLength)
            return Done(Reply.Text(TooLongText(length), ephemeral: true));
        if (!context.Knowledge.IsReady)
            return Done(Reply.Text(AskCommand.NotReadyText, ephemeral: true));
        if (_cooldown is not null && !_cooldown.TryAsk(context.Invoker.UserId, out var allowedAt))
            return Done(Reply.Text(_cooldown.Notice(allowedAt), ephemeral: true));

        var hits = context.Knowledge.Search(query, MaxResults);
        if (hits.Count == 0)
            return Done(Reply.Text(NothingFoundText(query), ephemeral: true));
        return Done(Page(query, hits, 0, ReplyKind.NewMessage));
    }

    /// <summary>A page click replaces the results; a click whose search has expired gets a private note instead.</summary>
    public ComponentReplyPlan PlanComponent(string customId) =>
        Parse(customId) is { } click && _references.IsUsable(click.Reference)
            ? ComponentReplyPlan.UpdateMessage
            : ComponentReplyPlan.EphemeralMessage;

    /// <summary>As <see cref="PlanComponent(string)"/>, and a member over the cooldown gets a private note: the results stay as they are for everyone.</summary>
    public ComponentReplyPlan PlanComponent(string customId, string invokerId) =>
        _cooldown is not null && !_cooldown.WouldAllow(invokerId) ? ComponentReplyPlan.EphemeralMessage : PlanComponent(customId);

    public ValueTask<Reply> HandleComponentAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        if (Parse(context.CustomId) is not { } click)
            return Done(Reply.Text(ExpiredText, ephemeral: true));
        if (!_references.TryResolve(click.Reference, out var query) || AskCommand.CountCharacters(query) > MaxQueryLength)
            return Done(Reply.Text(ExpiredText, ephemeral: true)); // planned so, unless the key went in between

        if (!context.Knowledge.IsReady)
            return Done(new Reply { Content = AskCommand.NotReadyText, Kind = ReplyKind.UpdateMessage });
        // A page click runs the search again, so it counts against the member's cooldown like a question.
        if (_cooldown is not null && !_cooldown.TryAsk(context.Invoker.UserId, out var allowedAt))
            return Done(Reply.Text(_cooldown.Notice(allowedAt), ephemeral: true));
        var hits = context.Knowledge.Search(query, MaxResults);
        if (hits.Count == 0)
            return Done(new Reply { Content = NothingFoundText(query), Kind = ReplyKind.UpdateMessage });
        return Done(Page(query, hits, click.Page, ReplyKind.UpdateMessage));
    }

    private Reply Page(string query, IReadOnlyList<PassageHit> hits, int index, ReplyKind kind)
    {
        var pages = (hits.Count + PassagesPerPage - 1) / PassagesPerPage;
        index = Math.Clamp(index, 0, pages - 1);
        var first = index * PassagesPerPage;
        var embed = new ReplyEmbed
        {
            Title = "Search: " + Markdown.Escape(PassageText.OneLine(query)),
            Fields = hits.Skip(first).Take(PassagesPerPage).Select((hit, i) => PassageFields.Of(first + i + 1, hit)).ToArray(),
            Footer = $"Page {index + 1} of {pages} · {hits.Count} {(hits.Count == 1 ? "passage" : "passages")}",
        };
        IReadOnlyList<ReplyButton> buttons = pages > 1
            ?
            [
                new("Previous", PageId(query, Math.Max(0, index - 1)), ReplyButtonStyle.Secondary, Disabled: index == 0),
                new("Next", PageId(query, Math.Min(pages - 1, index + 1)), ReplyButtonStyle.Secondary, Disabled: index == pages - 1),
            ]
            : [];
        return new Reply { Embeds = [embed], Buttons = buttons, Kind = kind };
    }

    private string PageId(string query, int page)
    {
        var head = page.ToString(CultureInfo.InvariantCulture) + CustomIds.Separator;
        var room = DiscordLimits.CustomIdLength - Name.Length - 1 - head.Length;
        return CustomIds.Create(Name, head + _references.Encode(query, room));
    }

    private static PageClick? Parse(string? customId)
    {
        if (!CustomIds.TrySplit(customId, out var name, out var data) || !string.Equals(name, Name, StringComparison.OrdinalIgnoreCase))
            return null;
        var at = data.IndexOf(CustomIds.Separator);
        if (at <= 0 || !int.TryParse(data.AsSpan(0, at), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var page))
            return null;
        return new PageClick(page, data[(at + 1)..]);
    }

    private static ValueTask<Reply> Done(Reply reply) => ValueTask.FromResult(reply);

    private sealed record PageClick(int Page, string Reference);
}
