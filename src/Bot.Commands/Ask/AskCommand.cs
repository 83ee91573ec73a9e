using System.Globalization;
using Bot.Commands.Buttons;
using Bot.Commands.Cooldowns;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Diagnostics;
using Bot.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Commands.Ask;

/// <summary>
/// <c>/ask question:... [private:true]</c>: the knowledge's answer as a card, or a short note,
/// seen only by the asker, when the knowledge does not answer or the question is unusable.
/// A card has a More passages button (the next passages, three at a time, in a new message only
/// the clicker sees) and, when private, a Share button that posts the same answer for everyone.
/// The note saying the knowledge does not answer has a Closest passages button (the same pages, from
/// the first) when the search finds any.
/// Questions the knowledge does not answer are recorded through <see cref="IUnansweredQuestions"/>.
/// </summary>
/// <remarks>
/// Buttons carry the question itself in their custom id (<c>ask:m{page}:'question</c>,
/// <c>ask:s:'question</c>) and run it again when clicked, so they work after a restart and on any
/// replica; a question too long for a custom id is carried by a key into <see cref="QueryReferences"/>.
/// </remarks>
public sealed partial class AskCommand : IComponentCommand
{
    public const string Name = "ask";
    public const string QuestionOption = "question";
    public const string PrivateOption = "private";

    /// <summary>Longest question, in characters, that is looked up; longer ones are refused rather than cut, which could change what they ask.</summary>
    public const int MaxQuestionLength = 300;

    public const int PassagesPerPage = 3;

    /// <summary>Pages of More passages at most, after the answer's own passage.</summary>
    public const int MorePages = 3;

    public const string MoreLabel = "More passages";

    /// <summary>Under "I don't know": the passages nearest the question, which the member can judge for themselves.</summary>
    public const string ClosestLabel = "Closest passages";

    public const string ClosestNote = "The knowledge does not answer your question; these passages are the closest to it.";
    public const string ShareLabel = "Share";

    public const string EmptyQuestionText = "Type a question after /ask, e.g. /ask who directed Beyond Utopia?";
    public const string NotAnsweredText =
        "The knowledge I answer from doesn't cover that question. Try asking it another way, see /about for what it says about a person, place or subject, or /help for what I can do.";
    public const string NotReadyText = "I'm still reading the knowledge folder. Try again in a few seconds.";
    public const string ExpiredText = "That answer has expired; ask again with /ask.";
    public const string NoMorePassagesText = "There are no more passages for that question.";

    private const string MorePrefix = "m";
    private const string SharePrefix = "s";

    private readonly QuestionCooldown? _cooldown;
    private readonly IUnansweredQuestions _unanswered;
    private readonly QueryReferences _references;
    private readonly ILogger _logger;
    private readonly KnowledgeMetrics? _metrics;

    /// <param name="cooldown">The per-member limit on questions; none when null.</param>
    /// <param name="unanswered">Where unanswered questions go; nowhere when null.</param>
    /// <param name="references">Where questions too long for a custom id are kept; a private list when null.</param>
    /// <param name="metrics">Where questions are counted as answered or abstained; nowhere when null.</param>
    public AskCommand(
        QuestionCooldown? cooldown = null,
        IUnansweredQuestions? unanswered = null,
        QueryReferences? references = null,
        ILogger<AskCommand>? logger = null,
        KnowledgeMetrics? metrics = null)
    {
        _cooldown = cooldown;
        _unanswered = unanswered ?? NoUnansweredQuestions.Instance;
        _references = references ?? new QueryReferences();
        _logger = logger ?? NullLogger<AskCommand>.Instance;
        _metrics = metrics;
    }

    public CommandDefinition Definition { get; } = new(Name, "Ask a question about the film; answers come only from the community's knowledge folder.")
    {
        Options =
        [
            new(QuestionOption, "What you want to know", OptionKind.String, Required: true) { MinLength = 1, MaxLength = MaxQuestionLength },
            new(PrivateOption, "Show the answer only to you (default: everyone in the channel sees it)", OptionKind.Boolean),
        ],
    };

    public static string TooLongText(int length) =>
        $"That question is {length} characters long; /ask takes up to {MaxQuestionLength}. Try asking it in fewer words.";

    public bool RepliesEphemerally(CommandOptions options) => options.GetBoolean(PrivateOption) ?? Definition.Ephemeral;

    public async ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var question = (context.Options.GetString(QuestionOption) ?? "").Trim();
        if (question.Length == 0)
            return Reply.Text(EmptyQuestionText, ephemeral: true);
        var length = CountCharacters(question);
        if (length > MaxQuestionLength)
            return Reply.Text(TooLongText(length), ephemeral: true);
        if (!context.Knowledge.IsReady)
            return Reply.Text(NotReadyText, ephemeral: true);
        if (_cooldown is not null && !_cooldown.TryAsk(context.Invoker.UserId, out var allowedAt))
            return Reply.Text(_cooldown.Notice(allowedAt), ephemeral: true);

        var answer = context.Knowledge.Ask(question);
        if (!answer.Answered || answer.Passages.Count == 0)
        {
            if (answer.Abstention == Abstention.EmptyQuestion)
                return Reply.Text(EmptyQuestionText, ephemeral: true);
            _metrics?.Asked(answered: false);
            await RecordUnansweredAsync(question, context.GuildId, cancellationToken).ConfigureAwait(false);

            // Not an answer, so not shown as one: a button, for a member who wants to read around it
            // (a near miss like "which month of 2019?" sits beside the passage saying 2019).
            var note = Reply.Text(NotAnsweredText, ephemeral: true);
            return context.Knowledge.Search(question, 1).Count > 0 ? note with { Buttons = [MoreButton(question, 1, ClosestLabel)] } : note;
        }

        _metrics?.Asked(answered: true);
        return Card(context.Knowledge, question, answer, RepliesEphemerally(context.Options));
    }

    public ComponentReplyPlan PlanComponent(string customId) =>
        Parse(customId) is { Action: SharePrefix } click && _references.IsUsable(click.Reference)
            ? ComponentReplyPlan.PublicMessage
            : ComponentReplyPlan.EphemeralMessage;

    /// <summary>More passages: the next page in a new private message. Share: the answer again, for everyone.</summary>
    public ValueTask<Reply> HandleComponentAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        if (Parse(context.CustomId) is not { } click
            || !_references.TryResolve(click.Reference, out var question)
            || CountCharacters(question) > MaxQuestionLength)
        {
            return ValueTask.FromResult(Reply.Text(ExpiredText, ephemeral: true));
        }

        if (!context.Knowledge.IsReady)
            return ValueTask.FromResult(Reply.Text(NotReadyText, ephemeral: true));
        // A click runs a search like a question does, so it counts against the member's cooldown.
        if (_cooldown is not null && !_cooldown.TryAsk(context.Invoker.UserId, out var allowedAt))
            return ValueTask.FromResult(Reply.Text(_cooldown.Notice(allowedAt), ephemeral: true));
        return ValueTask.FromResult(click.Action == SharePrefix ? Share(context, question) : More(context.Knowledge, question, click.Page));
    }

    private Reply Share(ComponentContext context, string question)
    {
        var answer = context.Knowledge.Ask(question);
        if (!answer.Answered || answer.Passages.Count == 0)
            return Reply.Text(NotAnsweredText, ephemeral: true);
        return Card(context.Knowledge, question, answer, ephemeral: false);
    }

    private Reply More(IKnowledgeReader knowledge, string question, int page)
    {
        var answer = knowledge.Ask(question);
        var more = MorePassages(knowledge, question, answer);
        var pages = (more.Length + PassagesPerPage - 1) / PassagesPerPage;
        if (page < 1 || page > pages)
            return Reply.Text(NoMorePassagesText, ephemeral: true);

        var first = (page - 1) * PassagesPerPage;
        var shown = more.Skip(first).Take(PassagesPerPage).ToArray();
        var numbering = answer.Answered ? 2 : 1; // the answer card showed passage 1
        var total = more.Length + numbering - 1;
        var embed = new ReplyEmbed
        {
            Title = answer.Answered ? MoreLabel : ClosestLabel,
            Fields = shown.Select((hit, i) => PassageFields.Of(numbering + first + i, hit)).ToArray(),
            Footer = $"Passages {numbering + first}–{numbering + first + shown.Length - 1} of {total}",
        };
        IReadOnlyList<ReplyButton> buttons = page < pages ? [MoreButton(question, page + 1)] : [];
        return new Reply
        {
            Content = answer.Answered ? PassageText.Quote(question) : PassageText.Quote(question) + "\n" + ClosestNote,
            Embeds = [embed],
            Buttons = buttons,
            Ephemeral = true,
        };
    }

    private Reply Card(IKnowledgeReader knowledge, string question, Answer answer, bool ephemeral)
    {
        var buttons = new List<ReplyButton>();
        if (MorePassages(knowledge, question, answer).Length > 0)
            buttons.Add(MoreButton(question, 1));
        if (ephemeral)
            buttons.Add(new ReplyButton(ShareLabel, CustomId(SharePrefix, question), ReplyButtonStyle.Primary));
        return AnswerCard.Render(question, answer, ephemeral) with { Buttons = buttons };
    }

    /// <summary>
    /// The passages after the answer's own: the answer's other passages, then the search's, each
    /// once, at most <see cref="MorePages"/> pages of them. The same for the same question and knowledge.
    /// </summary>
    private static PassageHit[] MorePassages(IKnowledgeReader knowledge, string question, Answer answer)
    {
        const int most = MorePages * PassagesPerPage;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var answered = answer.Answered && answer.Passages.Count > 0;
        if (answered)
            seen.Add(answer.Passages[0].Passage.Id);
        var others = answered ? answer.Passages.Skip(1) : [];
        return others
            .Concat(knowledge.Search(question, most + 1))
            .Where(hit => seen.Add(hit.Passage.Id))
            .Take(most)
            .ToArray();
    }

    private ReplyButton MoreButton(string question, int page, string label = MoreLabel) =>
        new(label, CustomId(MorePrefix + page.ToString(CultureInfo.InvariantCulture), question));

    private string CustomId(string action, string question)
    {
        var head = action + CustomIds.Separator;
        var room = DiscordLimits.CustomIdLength - Name.Length - 1 - head.Length;
        return CustomIds.Create(Name, head + _references.Encode(question, room));
    }

    private static AskClick? Parse(string? customId)
    {
        if (!CustomIds.TrySplit(customId, out var name, out var data) || !string.Equals(name, Name, StringComparison.OrdinalIgnoreCase))
            return null;
        var at = data.IndexOf(CustomIds.Separator);
        if (at <= 0)
            return null;
        var action = data[..at];
        var reference = data[(at + 1)..];
        if (action == SharePrefix)
            return new AskClick(SharePrefix, 0, reference);
        return action.StartsWith(MorePrefix, StringComparison.Ordinal)
               && int.TryParse(action.AsSpan(MorePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            ? new AskClick(MorePrefix, page, reference)
            : null;
    }

    private async ValueTask RecordUnansweredAsync(string question, string? guildId, CancellationToken cancellationToken)
    {
        try
        {
            await _unanswered.RecordAsync(question, guildId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The member still gets their answer; moderators lose one count, and the log says why.
            Log.RecordingUnansweredFailed(_logger, exception);
        }
    }

    /// <summary>Characters as a person counts them: an emoji is one, not two UTF-16 units.</summary>
    internal static int CountCharacters(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
            count++;
        return count;
    }

    private sealed record AskClick(string Action, int Page, string Reference);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Recording an unanswered question failed")]
        public static partial void RecordingUnansweredFailed(ILogger logger, Exception exception);
    }
}
