using Bot.Commands.Ask;
using Bot.Commands.Cooldowns;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Knowledge.Text;
using Bot.Knowledge.Topics;
using Bot.Limits;

namespace Bot.Commands.About;

/// <summary>
/// <c>/about topic:...</c>: what the knowledge says about a person, place, organisation or subject,
/// as up to five of its sentences in reading order, with their sources. While the member types,
/// the topic option suggests the names, tags, sections and titles of the knowledge
/// (<see cref="TopicCatalog"/>). A private note when the knowledge says nothing about it.
/// </summary>
/// <remarks>Which sentences, and in what order, is the knowledge's to say (<see cref="TopicSentences"/>); this command renders them.</remarks>
public sealed class AboutCommand : IAutocompleteCommand
{
    public const string Name = "about";
    public const string TopicOption = "topic";

    public const int MaxTopicLength = TopicCatalog.MaxNameLength;

    /// <summary>Sentences shown at most.</summary>
    public const int MaxSentences = 5;

    public const string EmptyTopicText = "Type a person, place, organisation or subject after /about, or pick one of the suggestions.";
    public const string Footer = "From the knowledge folder, in reading order";

    /// <summary>Room for the sentences of one field, leaving some for mention breaking.</summary>
    private const int FieldRoom = DiscordLimits.EmbedFieldValueLength - 40;

    private readonly QuestionCooldown? _cooldown;
    private readonly TopicCache _topics;

    public AboutCommand(QuestionCooldown? cooldown = null, TopicCache? topics = null)
    {
        _cooldown = cooldown;
        _topics = topics ?? new TopicCache();
    }

    public CommandDefinition Definition { get; } = new(Name, "What the knowledge folder says about a person, place, organisation or subject.")
    {
        Options =
        [
            new(TopicOption, "Who or what; suggestions come from the knowledge folder", OptionKind.String, Required: true)
            {
                MinLength = 1,
                MaxLength = MaxTopicLength,
                Autocomplete = true,
            },
        ],
    };

    public static string TooLongText(int length) =>
        $"That topic is {length} characters long; /about takes up to {MaxTopicLength}. Pick one of the suggestions while you type.";

    public static string NothingText(string topic) =>
        $"The knowledge says nothing about {PassageText.Echo(topic, MaxTopicLength)}. Try another name or subject: the suggestions while you type come from the knowledge, and /sources lists its documents.";

    public ValueTask<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(AutocompleteContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_topics.Choices(context, TopicOption, MaxTopicLength));
    }

    public ValueTask<Reply> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var typed = (context.Options.GetString(TopicOption) ?? "").Trim();
        if (typed.Length == 0 || !typed.Any(char.IsLetterOrDigit))
            return Done(Reply.Text(EmptyTopicText, ephemeral: true));
        var length = AskCommand.CountCharacters(typed);
        if (length > MaxTopicLength)
            return Done(Reply.Text(TooLongText(length), ephemeral: true));
        if (!context.Knowledge.IsReady)
            return Done(Reply.Text(AskCommand.NotReadyText, ephemeral: true));
        if (_cooldown is not null && !_cooldown.TryAsk(context.Invoker.UserId, out var allowedAt))
            return Done(Reply.Text(_cooldown.Notice(allowedAt), ephemeral: true));

        var topic = _topics.For(context.Knowledge).Find(typed);
        var sentences = TopicSentences.Find(typed, topic, context.Knowledge.Contents(), context.Knowledge.Search, MaxSentences);
        if (sentences.Count == 0)
            return Done(Reply.Text(NothingText(typed), ephemeral: true));
        return Done(Render(typed, topic, sentences));
    }

    private static Reply Render(string typed, Topic? topic, IReadOnlyList<TopicSentence> sentences)
    {
        var fields = new List<ReplyEmbedField>();
        foreach (var group in Consecutive(sentences))
        {
            var room = FieldRoom / group.Count - 3;
            var lines = group.Select(c =>
            {
                var text = c.Passage.Text.Substring(c.Sentence.Start, c.Sentence.Length);
                var bold = c.Bold.Select(b => new TextSpan(b.Start - c.Sentence.Start, b.Length)).ToArray();
                return "• " + PassageText.Excerpt(text, bold, bold.Length > 0 ? bold[0] : null, room);
            });
            fields.Add(new ReplyEmbedField(
                PassageText.ShownSource(group[0].Passage),
                Markdown.NeutralizeMentions(string.Join('\n', lines))));
        }

        var documents = sentences.Select(s => s.Passage.Path).Distinct(StringComparer.Ordinal).Count();
        var embed = new ReplyEmbed
        {
            Title = TextLimits.Truncate(
                topic is not null ? Markdown.NeutralizeMentions(topic.Name) : Markdown.Escape(PassageText.OneLine(typed)),
                DiscordLimits.EmbedTitleLength),
            Fields = fields,
            Footer = Footer,
            Url = documents == 1 ? PassageText.Link(sentences[0].Passage) : null,
        };
        return Reply.WithEmbed(embed);
    }

    /// <summary>Runs of sentences from the same passage, in order.</summary>
    private static IEnumerable<List<TopicSentence>> Consecutive(IReadOnlyList<TopicSentence> sentences)
    {
        var run = new List<TopicSentence>();
        foreach (var sentence in sentences)
        {
            if (run.Count > 0 && run[0].Passage.Id != sentence.Passage.Id)
            {
                yield return run;
                run = [];
            }

            run.Add(sentence);
        }

        if (run.Count > 0)
            yield return run;
    }

    private static ValueTask<Reply> Done(Reply reply) => ValueTask.FromResult(reply);
}
