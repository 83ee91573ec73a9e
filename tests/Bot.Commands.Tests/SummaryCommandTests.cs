using System.Text.RegularExpressions;
using Bot.Commands.Capabilities;
using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Commands.Summaries;
using Bot.Commands.Tests.Support;
using Bot.Knowledge.Summaries;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Commands.Tests;

/// <summary>/summary over the shipped knowledge: quoted sentences with their sources, and pinning for those allowed to pin.</summary>
public partial class SummaryCommandTests(ShippedCommandsFixture knowledge) : IClassFixture<ShippedCommandsFixture>
{
    private static readonly string Article = File.ReadAllText(TestPaths.ShippedArticle).ReplaceLineEndings("\n");

    [Fact]
    public async Task Summary_of_the_whole_knowledge_quotes_three_to_six_numbered_sentences_in_reading_order_with_their_sources()
    {
        var reply = await knowledge.RunAsync("summary");

        Assert.False(reply.Ephemeral);
        ReplyAssert.WithinDiscordLimits(reply);
        ReplyAssert.PingsNobody(reply);
        var card = Assert.Single(reply.Embeds);
        Assert.Equal(SummaryCommand.WholeTitle, card.Title);
        var sentences = Sentences(card);
        Assert.InRange(sentences.Count, 3, 6);
        Assert.Equal(sentences.Count, sentences.Distinct().Count());
        var positions = sentences.Select(s => Article.IndexOf(s, StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0, "a sentence is not in the knowledge as written"));
        Assert.Equal(positions.Order(), positions); // reading order

        var sources = Assert.Single(card.Fields, f => f.Name == SummaryCommand.SourcesName);
        var cited = SourceNumbers(sources.Value);
        Assert.Equal(Enumerable.Range(1, sentences.Count), cited.Keys.Order());
        for (var i = 0; i < sentences.Count; i++)
            Assert.Equal(CitationOf(sentences[i]), cited[i + 1]);
    }

    [Fact]
    public async Task Summary_has_a_pin_button_that_carries_its_topic()
    {
        var whole = await knowledge.RunAsync("summary");
        var topical = await knowledge.RunAsync("summary", ("topic", "Pastor Kim"));

        Assert.Equal(("Pin", "summary:pin:"), (whole.Buttons.Single().Label, whole.Buttons.Single().CustomId));
        Assert.Equal("summary:pin:Pastor Kim", topical.Buttons.Single().CustomId);
        Assert.IsType<SummaryCommand>(knowledge.Catalog.FindComponentOwner("summary:pin:Pastor Kim"));
        Assert.Equal(ComponentReplyPlan.EphemeralMessage, knowledge.Catalog.FindComponentOwner("summary:pin:")!.PlanComponent("summary:pin:"));
    }

    [Fact]
    public async Task Summary_of_a_topic_names_it_and_quotes_the_knowledge()
    {
        var reply = await knowledge.RunAsync("summary", ("topic", "Madeleine Gavin"));

        var card = Assert.Single(reply.Embeds);
        Assert.Equal("Summary: Madeleine Gavin", card.Title);
        var sentences = Sentences(card);
        Assert.InRange(sentences.Count, 1, 6);
        Assert.All(sentences, s => Assert.Contains(s, Article));
        Assert.Contains(sentences, s => s.Contains("Gavin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_suggested_topic_gives_a_summary_within_limits_without_repeats()
    {
        var topics = await knowledge.SuggestAsync("summary", "topic", "");
        Assert.InRange(topics.Count, 5, 25);

        foreach (var topic in topics)
        {
            var reply = await knowledge.RunAsync("summary", ("topic", topic.Value));

            ReplyAssert.WithinDiscordLimits(reply);
            if (reply.Embeds.Count == 0)
                continue; // a suggestion that names no sentence: a private note, checked below
            var sentences = Sentences(reply.Embeds[0]);
            Assert.Equal(sentences.Count, sentences.Distinct().Count());
            Assert.All(sentences, s => Assert.Contains(s, Article));
            Assert.True(reply.Buttons.Single().CustomId.Length <= 100);
        }
    }

    [Fact]
    public async Task A_topic_the_knowledge_does_not_mention_gets_a_private_note_naming_it_escaped()
    {
        var reply = await knowledge.RunAsync("summary", ("topic", "sourdough **bread**"));

        Assert.True(reply.Ephemeral);
        Assert.Empty(reply.Embeds);
        Assert.Contains(@"sourdough \*\*bread\*\*", reply.Content);
    }

    [Theory]
    [InlineData(MemberPermission.None)]
    [InlineData(MemberPermission.ManageMessages)] // no longer enough to pin since 2026
    [InlineData(MemberPermission.ManageMessages | MemberPermission.CreateEvents)]
    public async Task Pin_true_from_a_member_without_pin_messages_is_refused_privately_naming_the_permission(MemberPermission permissions)
    {
        var reply = await knowledge.RunAsync("summary", permissions, ("pin", true));

        Assert.True(reply.Ephemeral);
        Assert.Empty(reply.Embeds);
        Assert.Null(reply.WhenSent);
        Assert.Contains("**Pin Messages**", reply.Content);
        Assert.Equal(SummaryCommand.MemberCannotPinText, reply.Content);
    }

    [Fact]
    public async Task Pin_true_when_the_bot_lacks_pin_messages_says_which_permission_to_grant()
    {
        var command = knowledge.Command<SummaryCommand>();
        var context = Context(MemberPermission.PinMessages, ("pin", true)) with { BotPermissions = MemberPermission.ManageMessages | MemberPermission.CreateEvents };

        var reply = await command.ExecuteAsync(context, CancellationToken.None);

        Assert.True(reply.Ephemeral);
        Assert.Equal(SummaryCommand.BotCannotPinText, reply.Content);
        Assert.Contains("**Pin Messages**", reply.Content);
        Assert.Contains("grant", reply.Content);
    }

    [Fact]
    public async Task Pin_true_pins_the_sent_message_and_records_it()
    {
        var pins = new FakePins();
        var pinned = new InMemoryPinnedSummaries(TimeProvider.System);
        var command = new SummaryCommand(knowledge.Services.GetRequiredService<Summarizer>(), pins, pinned);

        var reply = await command.ExecuteAsync(Context(MemberPermission.PinMessages, ("pin", true), ("topic", "Pastor Kim")) with { BotPermissions = MemberPermission.PinMessages }, CancellationToken.None);

        Assert.False(reply.Ephemeral);
        Assert.Empty(reply.Buttons); // it is being pinned: no button to pin it again
        Assert.NotNull(reply.WhenSent);
        Assert.Empty(pins.Pinned); // nothing happens before the message exists

        var notice = await reply.WhenSent(new SentMessage("1213418270883971075", "1533158394691715084"), CancellationToken.None);

        Assert.Null(notice); // Discord shows the pin itself
        Assert.Equal([("1213418270883971075", "1533158394691715084")], pins.Pinned);
        var record = Assert.Single(await pinned.ListAsync("42", CancellationToken.None));
        Assert.Equal(("1213418270883971075", "1533158394691715084", "Pastor Kim"), (record.ChannelId, record.MessageId, record.Topic));
    }

    [Theory]
    [InlineData(PinOutcome.BotMissingPermission, "**Pin Messages**")]
    [InlineData(PinOutcome.BotMissingAccess, "can't see this channel")]
    [InlineData(PinOutcome.PinLimitReached, "250")]
    [InlineData(PinOutcome.NotAvailable, "(console: no Discord, nothing was pinned)")]
    [InlineData(PinOutcome.Failed, "did not pin")]
    public async Task A_pin_refused_after_sending_is_explained_privately_and_not_recorded(PinOutcome outcome, string says)
    {
        var pinned = new InMemoryPinnedSummaries(TimeProvider.System);
        var command = new SummaryCommand(knowledge.Services.GetRequiredService<Summarizer>(), new FakePins(outcome), pinned);
        var reply = await command.ExecuteAsync(Context(MemberPermission.Administrator, ("pin", true)), CancellationToken.None);

        var notice = await reply.WhenSent!(new SentMessage("1", "2"), CancellationToken.None);

        Assert.NotNull(notice);
        Assert.True(notice.Ephemeral);
        Assert.Contains(says, notice.Content);
        Assert.Empty(await pinned.ListAsync("42", CancellationToken.None));
    }

    [Fact]
    public async Task The_pin_button_pins_the_message_it_is_on_for_a_member_with_pin_messages()
    {
        var pins = new FakePins();
        var pinned = new InMemoryPinnedSummaries(TimeProvider.System);
        var command = new SummaryCommand(knowledge.Services.GetRequiredService<Summarizer>(), pins, pinned);

        var reply = await command.HandleComponentAsync(Click("summary:pin:Roh family", MemberPermission.PinMessages), CancellationToken.None);

        Assert.True(reply.Ephemeral);
        Assert.Equal(SummaryCommand.PinnedText, reply.Content);
        Assert.Equal([("555", "777")], pins.Pinned);
        Assert.Equal("Roh family", Assert.Single(await pinned.ListAsync("42", CancellationToken.None)).Topic);
    }

    [Theory]
    [InlineData(MemberPermission.None)]
    [InlineData(MemberPermission.ManageMessages)]
    public async Task The_pin_button_refuses_a_member_without_pin_messages(MemberPermission permissions)
    {
        var pins = new FakePins();
        var command = new SummaryCommand(knowledge.Services.GetRequiredService<Summarizer>(), pins);

        var reply = await command.HandleComponentAsync(Click("summary:pin:", permissions), CancellationToken.None);

        Assert.True(reply.Ephemeral);
        Assert.Equal(SummaryCommand.MemberCannotPinText, reply.Content);
        Assert.Empty(pins.Pinned);
    }

    [Fact]
    public async Task The_pin_button_says_what_to_grant_when_the_bot_may_not_pin()
    {
        var pins = new FakePins();
        var command = new SummaryCommand(knowledge.Services.GetRequiredService<Summarizer>(), pins);

        var told = await command.HandleComponentAsync(Click("summary:pin:", MemberPermission.PinMessages) with { BotPermissions = MemberPermission.None }, CancellationToken.None);
        pins.Outcome = PinOutcome.BotMissingPermission;
        var learnt = await command.HandleComponentAsync(Click("summary:pin:", MemberPermission.PinMessages), CancellationToken.None);

        Assert.Equal(SummaryCommand.BotCannotPinText, told.Content);
        Assert.Single(pins.Pinned); // only the second click reached the transport
        Assert.Equal(SummaryCommand.BotCannotPinText, learnt.Content);
    }

    [Fact]
    public void Render_says_all_of_a_huge_summary_in_one_card_and_leaves_fitting_it_to_the_reply_policy()
    {
        var reply = SummaryCommand.Render(HugeSummary());

        // Discord's limits are the dispatcher's reply policy's to apply (Bot.Tests checks the card as sent).
        var card = Assert.Single(reply.Embeds);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => new string((char)('a' + i), 1000) + "."), Sentences(card));
        Assert.Equal([1, 2, 3, 4, 5, 6], SourceNumbers(card.Fields.Single(f => f.Name == SummaryCommand.SourcesName).Value).Keys.Order());
    }

    /// <summary>Six sentences of 1000 characters from sections with 250-character names: more than one embed may hold.</summary>
    private static Summary HugeSummary()
    {
        var passage = new Bot.Knowledge.Documents.Passage("doc.md", 0, new string('T', 300), new string('S', 300), "src", "x");
        var sentences = Enumerable.Range(0, 6)
            .Select(i => new KnowledgeSentence(passage with { Ordinal = i, Section = $"Section {i} {new string('s', 250)}" }, 0, new Bot.Knowledge.Text.TextSpan(0, 1), new string((char)('a' + i), 1000) + "."))
            .ToArray();
        return new Summary(new string('t', 80), SummaryStatus.Summarized, sentences);
    }

    /// <summary>The sentences of the card, in the order shown, without their numbers.</summary>
    private static List<string> Sentences(ReplyEmbed card) =>
        card.Description!.Split('\n').Select(line => NumberedLine().Match(line)).Select(m => m.Groups["text"].Value).ToList();

    /// <summary>"1, 3: Title > Section" lines as number → citation.</summary>
    private static Dictionary<int, string> SourceNumbers(string field)
    {
        var cited = new Dictionary<int, string>();
        foreach (var line in field.Split('\n'))
        {
            var at = line.IndexOf(": ", StringComparison.Ordinal);
            foreach (var number in line[..at].Split(", "))
                cited.Add(int.Parse(number, System.Globalization.CultureInfo.InvariantCulture), line[(at + 2)..]);
        }

        return cited;
    }

    /// <summary>"Title > Section" of the sentence, read from the article itself.</summary>
    private static string CitationOf(string sentence)
    {
        var at = Article.IndexOf(sentence, StringComparison.Ordinal);
        var title = Regex.Match(Article, "^title: (.+)$", RegexOptions.Multiline).Groups[1].Value.Trim();
        var section = Regex.Matches(Article[..at], "^## (.+)$", RegexOptions.Multiline).LastOrDefault()?.Groups[1].Value.Trim();
        return section is null ? title : $"{title} > {section}";
    }

    private CommandContext Context(MemberPermission permissions, params (string Name, object Value)[] options) =>
        knowledge.Context("summary", options) with { Permissions = permissions, ChannelId = "555" };

    private ComponentContext Click(string customId, MemberPermission permissions) =>
        Contexts.Click(knowledge.Knowledge, customId) with { Permissions = permissions, ChannelId = "555", MessageId = "777" };

    [GeneratedRegex(@"^\*\*(?<n>\d)\.\*\* (?<text>.+)$")]
    private static partial Regex NumberedLine();
}
