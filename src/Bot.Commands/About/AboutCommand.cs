using System.Text;
using Bot.Commands.Ask;
using Bot.Commands.Cooldowns;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Knowledge.Analysis;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Text;
using Lucene.Net.Analysis;

namespace Bot.Commands.About;

/// <summary>
/// <c>/about topic:...</c>: what the knowledge says about a person, place, organisation or subject,
/// as up to five of its sentences in reading order, with their sources. While the member types,
/// the topic option suggests the names, tags, sections and titles of the knowledge
/// (<see cref="TopicCatalog"/>). A private note when the knowledge says nothing about it.
/// </summary>
/// <remarks>
/// The sentences are chosen in this order: those of the sections or documents the topic names,
/// then those that name it (case and accents ignored), then those holding all its words, their
/// synonyms or near spellings (as the search finds them); within each, from the passages the
/// search ranks first.
/// </remarks>
public sealed class AboutCommand : IAutocompleteCommand
{
    public const string Name = "about";
    public const string TopicOption = "topic";

    public const int MaxTopicLength = TopicCatalog.MaxNameLength;

    /// <summary>Sentences shown at most.</summary>
    public const int MaxSentences = 5;

    public const string EmptyTopicText = "Type a person, place, organisation or subject after /about, or pick one of the suggestions.";
    public const string Footer = "From the knowledge folder, in reading order";

    /// <summary>Passages the search brings for a topic, whose sentences compete.</summary>
    private const int SearchDepth = 30;

    /// <summary>Room for the sentences of one field, leaving some for mention breaking.</summary>
    private const int FieldRoom = DiscordLimits.EmbedFieldValueLength - 40;

    private static readonly Analyzer Stems = TextAnalysis.CreateIndexAnalyzer();

    private readonly QuestionCooldown? cooldown;
    private readonly TopicCache topics;

    public AboutCommand(QuestionCooldown? cooldown = null, TopicCache? topics = null)
    {
        this.cooldown = cooldown;
        this.topics = topics ?? new TopicCache();
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
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        if (context.FocusedOption != TopicOption || !context.Knowledge.IsReady)
            return ValueTask.FromResult<IReadOnlyList<AutocompleteChoice>>([]);
        var suggestions = topics.For(context.Knowledge).Suggest(context.FocusedValue, DiscordLimits.AutocompleteChoices);
        var choices = new AutocompleteChoice[suggestions.Count];
        for (var i = 0; i < choices.Length; i++)
            choices[i] = new AutocompleteChoice(suggestions[i].Name, suggestions[i].Name);
        return ValueTask.FromResult<IReadOnlyList<AutocompleteChoice>>(choices);
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
        if (cooldown is not null && !cooldown.TryAsk(context.Invoker.UserId, out var allowedAt))
            return Done(Reply.Text(cooldown.Notice(allowedAt), ephemeral: true));

        var topic = topics.For(context.Knowledge).Find(typed);
        var sentences = Sentences(context.Knowledge, typed, topic);
        if (sentences.Count == 0)
            return Done(Reply.Text(NothingText(typed), ephemeral: true));
        return Done(Render(typed, topic, sentences));
    }

    private static List<Chosen> Sentences(IKnowledgeReader knowledge, string typed, Topic? topic)
    {
        var phrase = topic?.Key ?? TopicText.Fold(typed);
        var contents = knowledge.Contents();
        var documentOrder = contents.Documents.Select((d, i) => (d.Path, i)).ToDictionary(p => p.Path, p => p.i, StringComparer.Ordinal);
        var candidates = new Dictionary<(string Passage, int Start), Chosen>();
        var rank = 0;

        void Offer(Passage passage, TextSpan sentence, int tier, IReadOnlyList<TextSpan> bold)
        {
            var chosen = new Chosen(passage, sentence, tier, rank++, bold, documentOrder.GetValueOrDefault(passage.Path, int.MaxValue));
            if (!candidates.TryGetValue((passage.Id, sentence.Start), out var known) || known.Tier > tier)
                candidates[(passage.Id, sentence.Start)] = chosen;
        }

        // The sections or documents the topic names.
        if (topic is not null && (topic.Kinds & (TopicKinds.Section | TopicKinds.Document)) != 0)
        {
            foreach (var document in contents.Documents)
            {
                var wholeDocument = topic.Kinds.HasFlag(TopicKinds.Document) && TopicText.Fold(document.Title) == phrase;
                foreach (var passage in document.Passages)
                {
                    if (!wholeDocument && !(topic.Kinds.HasFlag(TopicKinds.Section) && TopicText.Fold(passage.Section) == phrase))
                        continue;
                    foreach (var sentence in SentenceSplitter.Spans(passage.Text))
                        Offer(passage, sentence, 0, Mentions(passage.Text, sentence, phrase));
                }
            }
        }

        // Sentences that name the topic, then those with all its words, from the passages the search ranks first.
        var words = Terms(topic?.Name ?? typed).Count;
        foreach (var hit in knowledge.Search(topic?.Name ?? typed, SearchDepth))
        {
            var text = hit.Passage.Text;
            foreach (var sentence in SentenceSplitter.Spans(text))
            {
                var mentions = Mentions(text, sentence, phrase);
                if (mentions.Count > 0)
                {
                    Offer(hit.Passage, sentence, 1, mentions);
                    continue;
                }

                var matched = hit.Matches.Where(sentence.Contains).ToArray();
                var stems = matched.SelectMany(m => Terms(text.Substring(m.Start, m.Length))).ToHashSet(StringComparer.Ordinal);
                if (words > 0 && stems.Count >= words)
                    Offer(hit.Passage, sentence, 2, matched);
            }
        }

        return candidates.Values
            .OrderBy(c => c.Tier)
            .ThenBy(c => c.Rank)
            .Take(MaxSentences)
            .OrderBy(c => c.Document)
            .ThenBy(c => c.Passage.Ordinal)
            .ThenBy(c => c.Sentence.Start)
            .ToList();
    }

    /// <summary>Where the folded phrase occurs as whole words in one sentence of a passage, as spans of the passage.</summary>
    private static IReadOnlyList<TextSpan> Mentions(string text, TextSpan sentence, string phrase)
    {
        if (phrase.Length == 0)
            return [];
        var folded = TopicText.Fold(text.Substring(sentence.Start, sentence.Length), out var origin);
        var spans = new List<TextSpan>();
        for (var at = TopicText.IndexOfWords(folded, phrase); at >= 0;)
        {
            var start = origin[at];
            var end = origin[at + phrase.Length - 1] + 1;
            spans.Add(new TextSpan(sentence.Start + start, end - start));
            var next = TopicText.IndexOfWords(folded[(at + phrase.Length)..], phrase);
            at = next < 0 ? -1 : at + phrase.Length + next;
        }

        return spans;
    }

    private static List<string> Terms(string text) => TextAnalysis.Terms(Stems, text).Distinct(StringComparer.Ordinal).ToList();

    private static Reply Render(string typed, Topic? topic, List<Chosen> sentences)
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
                PassageText.ShownSource(group[0].Passage, DiscordLimits.EmbedFieldNameLength),
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
        return ReplyLimits.Fit(Reply.WithEmbed(embed));
    }

    /// <summary>Runs of sentences from the same passage, in order.</summary>
    private static IEnumerable<List<Chosen>> Consecutive(List<Chosen> sentences)
    {
        var run = new List<Chosen>();
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

    /// <param name="Tier">0: in a section or document the topic names; 1: names the topic; 2: holds all its words.</param>
    /// <param name="Rank">Order of discovery: the search's best passages first.</param>
    /// <param name="Document">The document's place in reading order.</param>
    private sealed record Chosen(Passage Passage, TextSpan Sentence, int Tier, int Rank, IReadOnlyList<TextSpan> Bold, int Document);
}
