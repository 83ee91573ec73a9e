using System.Globalization;
using System.Text;
using Bot.Commands.About;
using Bot.Commands.Capabilities;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Knowledge.Summaries;
using Bot.Limits;

namespace Bot.Commands.Summaries;

/// <summary>
/// <c>/summary [topic] [pin]</c>: a few sentences of the knowledge that sum it up (or what it says
/// about one topic), quoted as written, numbered, in reading order, with a Sources field saying
/// which document and section each comes from. One card, for everyone in the channel, with a Pin
/// button; <c>pin:true</c> pins it at once.
/// </summary>
/// <remarks>
/// Pinning needs the Pin Messages permission, from the member (checked here: Manage Messages no
/// longer allows it) and from the bot (told by the transport, or learnt when the pin is refused).
/// With <c>pin:true</c> the card is pinned through <see cref="Reply.WhenSent"/>, since its message id
/// exists only once the transport has sent it; a refusal then comes as a private note. Each pin is
/// recorded through <see cref="IPinnedSummaries"/>.
/// </remarks>
public sealed class SummaryCommand : IComponentCommand, IAutocompleteCommand
{
    public const string Name = "summary";
    public const string TopicOption = "topic";
    public const string PinOption = "pin";

    public const int MaxTopicLength = 80;

    public const string PinLabel = "Pin";
    public const string SourcesName = "Sources";
    public const string Footer = "Sentences quoted from the knowledge folder, in reading order.";
    public const string WholeTitle = "Summary of the knowledge";

    public const string NotReadyText = "I'm still reading the knowledge folder. Try again in a few seconds.";
    public const string EmptyKnowledgeText = "The knowledge folder has nothing to summarize yet.";
    public const string NoSummaryText = "I couldn't make a summary of that; try /about for what the knowledge says about it.";
    public const string PinnedText = "Pinned: everyone finds this summary in the channel's pinned messages.";
    public const string NothingToPinText = "There is no message here that I can pin.";
    public const string PinLimitText = "This channel already has as many pins as Discord allows (250); unpin one and try again.";
    public const string PinFailedText = "Discord did not pin the summary; please try again in a moment.";
    public const string ConsolePinText = "(console: no Discord, nothing was pinned)";

    /// <summary>Sentences aimed for.</summary>
    private const int Sentences = Summarizer.DefaultSentences;

    /// <summary>Room for the numbered sentences, well within the description's 4096 with the Sources field and title beside it.</summary>
    private const int SentenceBudget = 3600;

    /// <summary>"**6.** " before each sentence and the line break after it.</summary>
    private const int SentenceOverhead = 8;

    private const string PinPrefix = "pin:";

    public static readonly string MemberCannotPinText = PermissionNotices.MemberLacks(MemberPermission.PinMessages, "pin summaries");
    public static readonly string BotCannotPinText = PermissionNotices.BotLacks(MemberPermission.PinMessages, "pin the summary");
    public static readonly string BotCannotSeeText = "I can't pin the summary: I can't see this channel. Ask a server admin to let my role view it.";

    private readonly Summarizer _summarizer;
    private readonly IMessagePins _pins;
    private readonly IPinnedSummaries _pinned;
    private readonly TopicCache _topics;

    public SummaryCommand(Summarizer summarizer, IMessagePins? pins = null, IPinnedSummaries? pinned = null, TopicCache? topics = null)
    {
        _summarizer = summarizer ?? throw new ArgumentNullException(nameof(summarizer));
        _pins = pins ?? NoMessagePins.Instance;
        _pinned = pinned ?? new InMemoryPinnedSummaries(TimeProvider.System);
        _topics = topics ?? new TopicCache();
    }

    public CommandDefinition Definition { get; } = new(Name, "A few sentences from the knowledge that sum up the film, or one topic, with their sources.")
    {
        Options =
        [
            new(TopicOption, "A person, place or subject to sum up (default: the whole knowledge)", OptionKind.String)
            {
                MinLength = 1,
                MaxLength = MaxTopicLength,
                Autocomplete = true,
            },
            new(PinOption, "Pin the summary in this channel (needs the Pin Messages permission)", OptionKind.Boolean),
        ],
    };

    public ValueTask<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(AutocompleteContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_topics.Choices(context, TopicOption, MaxTopicLength));
    }

    public ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var topic = context.Options.GetString(TopicOption)?.Trim();
        if (string.IsNullOrEmpty(topic))
            topic = null;
        if (topic is not null && topic.Length > MaxTopicLength)
            return Done(Reply.Text($"That topic is {topic.Length} characters long; /summary takes up to {MaxTopicLength}.", ephemeral: true));
        if (!context.Knowledge.IsReady)
            return Done(Reply.Text(NotReadyText, ephemeral: true));

        var pin = context.Options.GetBoolean(PinOption) ?? false;
        if (pin && !context.HasPermission(MemberPermission.PinMessages))
            return Done(Reply.Text(MemberCannotPinText, ephemeral: true));
        if (pin && !context.BotMayHave(MemberPermission.PinMessages))
            return Done(Reply.Text(BotCannotPinText, ephemeral: true));

        var summary = _summarizer.Summarize(topic, Sentences, SentenceBudget, SentenceOverhead);
        switch (summary.Status)
        {
            case SummaryStatus.EmptyKnowledge:
                return Done(Reply.Text(EmptyKnowledgeText, ephemeral: true));
            case SummaryStatus.TopicNotFound:
                return Done(Reply.Text(TopicNotFoundText(topic!), ephemeral: true));
            case SummaryStatus.BudgetTooSmall:
                return Done(Reply.Text(NoSummaryText, ephemeral: true));
        }

        var card = Render(summary);
        if (pin)
        {
            var guildId = context.GuildId;
            return Done(card with { WhenSent = (sent, ct) => PinSentAsync(guildId, sent, topic, ct) });
        }

        return Done(card with { Buttons = [new ReplyButton(PinLabel, PinId(topic), ReplyButtonStyle.Secondary)] });
    }

    public ComponentReplyPlan PlanComponent(string customId) => ComponentReplyPlan.EphemeralMessage;

    /// <summary>The Pin button: pins the message it is on, when the clicker and the bot may.</summary>
    public async ValueTask<Reply> HandleComponentAsync(ComponentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Data.StartsWith(PinPrefix, StringComparison.Ordinal))
            return Reply.Text(NothingToPinText, ephemeral: true);
        if (!context.HasPermission(MemberPermission.PinMessages))
            return Reply.Text(MemberCannotPinText, ephemeral: true);
        if (!context.BotMayHave(MemberPermission.PinMessages))
            return Reply.Text(BotCannotPinText, ephemeral: true);
        if (context.ChannelId is null || context.MessageId is null)
            return Reply.Text(NothingToPinText, ephemeral: true);

        var topic = context.Data[PinPrefix.Length..];
        var notice = await PinAsync(context.GuildId, new SentMessage(context.ChannelId, context.MessageId), topic.Length == 0 ? null : topic, cancellationToken)
            .ConfigureAwait(false);
        return Reply.Text(notice ?? PinnedText, ephemeral: true);
    }

    public static string TopicNotFoundText(string topic) =>
        $"The knowledge says nothing about {PassageText.Echo(topic, MaxTopicLength)}. Try another name or subject (the suggestions while you type come from the knowledge), or leave the topic out for a summary of everything.";

    /// <summary>The card: numbered sentences, then which document and section each comes from.</summary>
    public static Reply Render(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        var sources = new List<(string Citation, List<int> Numbers)>();
        for (var i = 0; i < summary.Sentences.Count; i++)
        {
            var sentence = summary.Sentences[i];
            text.Append(CultureInfo.InvariantCulture, $"**{i + 1}.** ").Append(Markdown.NeutralizeMentions(sentence.Text)).Append('\n');
            var citation = sentence.Citation;
            var entry = sources.FindIndex(s => s.Citation == citation);
            if (entry < 0)
                sources.Add((citation, [i + 1]));
            else
                sources[entry].Numbers.Add(i + 1);
        }

        var perSource = Math.Max(40, (DiscordLimits.EmbedFieldValueLength - 40) / Math.Max(1, sources.Count) - 12);
        var sourceLines = sources.Select(s =>
            $"{string.Join(", ", s.Numbers)}: {TextLimits.Truncate(Markdown.NeutralizeMentions(s.Citation), perSource)}");
        var embed = new ReplyEmbed
        {
            Title = summary.Topic is null ? WholeTitle : $"Summary: {PassageText.Echo(summary.Topic, MaxTopicLength)}",
            Description = text.ToString().TrimEnd('\n'),
            Fields = [new ReplyEmbedField(SourcesName, string.Join('\n', sourceLines))],
            Footer = Footer,
        };
        return Reply.WithEmbed(embed);
    }

    private async ValueTask<Reply?> PinSentAsync(string? guildId, SentMessage sent, string? topic, CancellationToken cancellationToken)
    {
        if (sent.ChannelId is null)
            return Reply.Text(ConsolePinText, ephemeral: true);
        var notice = await PinAsync(guildId, sent, topic, cancellationToken).ConfigureAwait(false);
        return notice is null ? null : Reply.Text(notice, ephemeral: true);
    }

    /// <summary>Pins and records the pin; null when it worked, else what to tell the member.</summary>
    private async ValueTask<string?> PinAsync(string? guildId, SentMessage message, string? topic, CancellationToken cancellationToken)
    {
        var outcome = await _pins.PinAsync(message.ChannelId!, message.MessageId, cancellationToken).ConfigureAwait(false);
        if (outcome == PinOutcome.Pinned)
        {
            await _pinned.RecordAsync(guildId, message.ChannelId!, message.MessageId, topic, cancellationToken).ConfigureAwait(false);
            return null;
        }

        return outcome switch
        {
            PinOutcome.BotMissingPermission => BotCannotPinText,
            PinOutcome.BotMissingAccess => BotCannotSeeText,
            PinOutcome.PinLimitReached => PinLimitText,
            PinOutcome.NotAvailable => ConsolePinText,
            _ => PinFailedText,
        };
    }

    /// <summary><c>summary:pin:{topic}</c>: the topic fits, since it is at most <see cref="MaxTopicLength"/> characters.</summary>
    private static string PinId(string? topic) => CustomIds.Create(Name, PinPrefix + (topic ?? ""));

    private static ValueTask<Reply> Done(Reply reply) => ValueTask.FromResult(reply);
}
