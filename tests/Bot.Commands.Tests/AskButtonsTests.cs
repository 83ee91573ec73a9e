using System.Globalization;
using Bot.Commands.Ask;
using Bot.Commands.Buttons;
using Bot.Commands.Replies;
using Bot.Commands.Tests.Support;
using Bot.Knowledge;

namespace Bot.Commands.Tests;

/// <summary>The buttons under an answer: More passages, Share; and under a question the knowledge does not answer, Closest passages.</summary>
public class AskButtonsTests(ShippedCommandsFixture knowledge) : IClassFixture<ShippedCommandsFixture>
{
    private const string Question = "Who directed Beyond Utopia?";

    [Fact]
    public async Task Public_answer_offers_more_passages_but_no_share()
    {
        var reply = await knowledge.RunAsync("ask", ("question", Question));

        var more = Assert.Single(reply.Buttons);
        Assert.Equal(AskCommand.MoreLabel, more.Label);
        Assert.StartsWith("ask:", more.CustomId);
        Assert.InRange(more.CustomId.Length, 1, 100);
        Assert.Equal(ComponentReplyPlan.EphemeralMessage, knowledge.Command<AskCommand>().PlanComponent(more.CustomId));
    }

    [Fact]
    public async Task Private_answer_offers_more_passages_and_share()
    {
        var reply = await knowledge.RunAsync("ask", ("question", Question), ("private", true));

        Assert.Equal([AskCommand.MoreLabel, AskCommand.ShareLabel], reply.Buttons.Select(b => b.Label));
        Assert.All(reply.Buttons, b => Assert.StartsWith("ask:", b.CustomId));
        var share = reply.Buttons.Single(b => b.Label == AskCommand.ShareLabel);
        Assert.Equal(ComponentReplyPlan.PublicMessage, knowledge.Command<AskCommand>().PlanComponent(share.CustomId));
        ReplyAssert.WithinDiscordLimits(reply);
    }

    [Fact]
    public async Task More_passages_shows_the_next_three_passages_privately_in_a_new_message()
    {
        var answer = await knowledge.RunAsync("ask", ("question", Question));
        var shownPassage = Assert.Single(answer.Embeds).Description!.Replace("**", "", StringComparison.Ordinal);

        var more = await knowledge.ClickAsync(answer.Buttons.Single(b => b.Label == AskCommand.MoreLabel).CustomId);

        Assert.True(more.Ephemeral);
        Assert.Equal(ReplyKind.NewMessage, more.Kind);
        Assert.Equal("> " + Question, more.Content);
        var embed = Assert.Single(more.Embeds);
        Assert.Equal(AskCommand.MoreLabel, embed.Title);
        Assert.Equal(AskCommand.PassagesPerPage, embed.Fields.Count);
        Assert.Equal(["2. ", "3. ", "4. "], embed.Fields.Select(f => f.Name[..3]));
        Assert.All(embed.Fields, f => Assert.Contains("Meet Pastor Kim Saving North Korean Defectors", f.Name));
        Assert.All(embed.Fields, f => Assert.NotEqual(shownPassage, f.Value.Replace("**", "", StringComparison.Ordinal)));
        Assert.Equal(3, embed.Fields.Select(f => f.Value).Distinct().Count());
        Assert.StartsWith("Passages 2–4 of ", embed.Footer);
        ReplyAssert.WithinDiscordLimits(more);
        ReplyAssert.PingsNobody(more);
    }

    [Fact]
    public async Task More_passages_pages_on_until_there_are_no_more()
    {
        var answer = await knowledge.RunAsync("ask", ("question", "Who directed Beyond Utopia?"));
        var next = answer.Buttons.Single(b => b.Label == AskCommand.MoreLabel).CustomId;
        var pages = new List<Reply>();
        while (next is not null && pages.Count < 10)
        {
            var page = await knowledge.ClickAsync(next);
            pages.Add(page);
            next = page.Buttons.SingleOrDefault(b => b.Label == AskCommand.MoreLabel)?.CustomId;
        }

        Assert.InRange(pages.Count, 2, AskCommand.MorePages);
        var numbers = pages.SelectMany(p => p.Embeds[0].Fields).Select(f => int.Parse(f.Name[..f.Name.IndexOf('.')], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(Enumerable.Range(2, numbers.Length), numbers);
        var passages = pages.SelectMany(p => p.Embeds[0].Fields).Select(f => f.Value).ToArray();
        Assert.Equal(passages.Length, passages.Distinct().Count());
        Assert.All(pages, p => Assert.True(p.Ephemeral));
    }

    [Fact]
    public async Task Share_posts_the_same_answer_for_everyone()
    {
        var hidden = await knowledge.RunAsync("ask", ("question", Question), ("private", true));

        var shared = await knowledge.ClickAsync(hidden.Buttons.Single(b => b.Label == AskCommand.ShareLabel).CustomId);

        Assert.False(shared.Ephemeral);
        Assert.Equal(ReplyKind.NewMessage, shared.Kind);
        Assert.Equal(hidden.Content, shared.Content);
        ReplyAssert.SameEmbeds(hidden.Embeds, shared.Embeds);
        Assert.Equal([AskCommand.MoreLabel], shared.Buttons.Select(b => b.Label)); // no Share on a public answer
        ReplyAssert.PingsNobody(shared);
    }

    [Theory]
    [InlineData("ask:m1:'What is the capital of Laos?")]
    [InlineData("ask:s:'Who directed Beyond Utopia?")]
    [InlineData("ask:m1:'0123abcdWho directed Beyond Utopia?")]
    public async Task A_forged_button_cannot_make_the_bot_ask_a_question(string customId)
    {
        var reply = await new AskCommand().HandleComponentAsync(Contexts.Click(knowledge.Knowledge, customId), CancellationToken.None);

        Assert.True(reply.Ephemeral);
        Assert.Equal(AskCommand.ExpiredText, reply.Content);
        Assert.Empty(reply.Embeds);
    }

    [Fact]
    public async Task A_real_button_with_its_question_changed_is_refused_and_works_unchanged_after_a_restart()
    {
        var key = StateKey.Random();
        var ask = new AskCommand(references: new QueryReferences(key));
        var reply = await ask.ExecuteAsync(Contexts.Command(knowledge.Knowledge, "ask", ("question", "Who directed Beyond Utopia?")), CancellationToken.None);
        var more = reply.Buttons.Single(b => b.Label == AskCommand.MoreLabel).CustomId;
        var altered = more.Replace("directed", "funded", StringComparison.Ordinal);

        var refused = await ask.HandleComponentAsync(Contexts.Click(knowledge.Knowledge, altered), CancellationToken.None);
        var restarted = await new AskCommand(references: new QueryReferences(key)).HandleComponentAsync(Contexts.Click(knowledge.Knowledge, more), CancellationToken.None);

        Assert.NotEqual(more, altered);
        Assert.Equal(AskCommand.ExpiredText, refused.Content);
        Assert.Single(restarted.Embeds);
    }

    [Fact]
    public async Task Long_question_buttons_work_through_the_recent_list_and_expire_with_it()
    {
        var question = "I watched it last night with my whole family and we talked about it for hours afterwards. Who directed Beyond Utopia?";
        Assert.True(question.Length > 100);
        var references = new QueryReferences();
        var ask = new AskCommand(references: references);
        var reply = await ask.ExecuteAsync(Contexts.Command(knowledge.Knowledge, "ask", ("question", question), ("private", true)), CancellationToken.None);
        Assert.True(reply.Buttons.Count == 2, reply.Content);
        Assert.All(reply.Buttons, b => Assert.InRange(b.CustomId.Length, 1, 100));
        var share = reply.Buttons.Single(b => b.Label == AskCommand.ShareLabel).CustomId;

        var shared = await ask.HandleComponentAsync(Contexts.Click(knowledge.Knowledge, share), CancellationToken.None);
        ReplyAssert.SameEmbeds(reply.Embeds, shared.Embeds);
        Assert.False(shared.Ephemeral);
        Assert.Equal(1, references.Count);

        // After a restart (or on another replica) the list is empty: the button says so.
        var restarted = new AskCommand(references: new QueryReferences());
        Assert.Equal(ComponentReplyPlan.EphemeralMessage, restarted.PlanComponent(share));
        var expired = await restarted.HandleComponentAsync(Contexts.Click(knowledge.Knowledge, share), CancellationToken.None);
        Assert.True(expired.Ephemeral);
        Assert.Equal(AskCommand.ExpiredText, expired.Content);
    }

    [Theory]
    [InlineData("ask:m0:'Who directed Beyond Utopia?")]
    [InlineData("ask:m99:'Who directed Beyond Utopia?")]
    [InlineData("ask:m-1:'Who directed Beyond Utopia?")]
    [InlineData("ask:mx:'Who directed Beyond Utopia?")]
    [InlineData("ask:zz:'Who directed Beyond Utopia?")]
    [InlineData("ask:s:#nosuchkey123")]
    [InlineData("ask:s:")]
    [InlineData("ask:s:'")]
    [InlineData("ask:m1:")]
    [InlineData("ask:")]
    [InlineData("ask:s:'@everyone <@&123> **bold**")]
    public async Task Forged_or_stale_clicks_get_a_private_note(string customId)
    {
        var reply = await knowledge.ClickAsync(customId);

        Assert.True(reply.Ephemeral);
        Assert.Equal(ReplyKind.NewMessage, reply.Kind);
        Assert.Empty(reply.Embeds);
        Assert.Contains(reply.Content, new[] { AskCommand.ExpiredText, AskCommand.NoMorePassagesText, AskCommand.NotAnsweredText });
        ReplyAssert.WithinDiscordLimits(reply);
    }

    [Fact]
    public async Task Forged_click_with_a_six_thousand_character_question_is_refused()
    {
        var reply = await knowledge.ClickAsync("ask:s:'" + new string('a', 6000));

        Assert.True(reply.Ephemeral);
        Assert.Equal(AskCommand.ExpiredText, reply.Content);
    }

    [Fact]
    public async Task Unanswered_question_is_recorded_with_its_server_and_gets_a_note_pointing_to_about_and_help()
    {
        const string question = "What is the recipe for sourdough bread and rye?";

        var reply = await knowledge.RunAsync("ask", ("question", question));

        Assert.True(reply.Ephemeral);
        Assert.Equal(AskCommand.NotAnsweredText, reply.Content);
        Assert.Contains("/about", reply.Content);
        Assert.Contains("/help", reply.Content);
        Assert.Empty(reply.Buttons);
        Assert.Contains((question, "42"), knowledge.Unanswered.Recorded);
    }

    [Fact]
    public async Task A_question_the_knowledge_does_not_answer_offers_its_closest_passages_marked_as_not_an_answer()
    {
        const string question = "What is the salary of Pastor Kim?";

        var reply = await knowledge.RunAsync("ask", ("question", question));

        Assert.True(reply.Ephemeral);
        Assert.Equal(AskCommand.NotAnsweredText, reply.Content);
        Assert.Empty(reply.Embeds);
        var closest = Assert.Single(reply.Buttons);
        Assert.Equal(AskCommand.ClosestLabel, closest.Label);

        var passages = await knowledge.ClickAsync(closest.CustomId);

        Assert.True(passages.Ephemeral);
        Assert.Equal(ReplyKind.NewMessage, passages.Kind);
        Assert.Equal("> " + question + "\n" + AskCommand.ClosestNote, passages.Content);
        var embed = Assert.Single(passages.Embeds);
        Assert.Equal(AskCommand.ClosestLabel, embed.Title);
        Assert.Equal(["1. ", "2. ", "3. "], embed.Fields.Select(f => f.Name[..3]));
        Assert.Contains(embed.Fields, f => f.Value.Contains("Pastor", StringComparison.Ordinal));
        Assert.StartsWith("Passages 1–3 of ", embed.Footer);
        ReplyAssert.WithinDiscordLimits(passages);
        ReplyAssert.PingsNobody(passages);
    }

    [Fact]
    public async Task Answered_empty_and_overlong_questions_are_not_recorded()
    {
        await knowledge.RunAsync("ask", ("question", "Who directed Beyond Utopia? (recording check)"));
        await knowledge.RunAsync("ask", ("question", "?!"));
        await knowledge.RunAsync("ask", ("question", new string('x', 400) + " recording check"));

        Assert.DoesNotContain(knowledge.Unanswered.Recorded, r => r.Question.Contains("recording check", StringComparison.Ordinal) || r.Question == "?!");
    }

    [Fact]
    public async Task A_failing_record_still_gives_the_member_the_note()
    {
        var ask = new AskCommand(unanswered: new FailingRecorder());

        var reply = await ask.ExecuteAsync(Contexts.Command(knowledge.Knowledge, "ask", ("question", "What is the recipe for sourdough bread?")), CancellationToken.None);

        Assert.Equal(AskCommand.NotAnsweredText, reply.Content);
    }

    [Fact]
    public async Task Direct_message_question_is_recorded_without_a_server()
    {
        var recorder = new RecordingUnansweredQuestions();
        var ask = new AskCommand(unanswered: recorder);

        await ask.ExecuteAsync(Contexts.Command(knowledge.Knowledge, "ask", ("question", "How do I configure Kubernetes?")) with { GuildId = null }, CancellationToken.None);

        Assert.Equal([("How do I configure Kubernetes?", (string?)null)], recorder.Recorded);
    }

    [Fact]
    public async Task Questions_are_counted_as_answered_or_abstained()
    {
        using var meters = new TestMeters();
        using var questions = meters.Collect<long>("bot.questions");
        var ask = new AskCommand(metrics: new Bot.Knowledge.Diagnostics.KnowledgeMetrics(meters));

        await ask.ExecuteAsync(Contexts.Command(knowledge.Knowledge, "ask", ("question", "Who directed Beyond Utopia?")), CancellationToken.None);
        await ask.ExecuteAsync(Contexts.Command(knowledge.Knowledge, "ask", ("question", "How do I configure Kubernetes?")), CancellationToken.None);
        await ask.ExecuteAsync(Contexts.Command(knowledge.Knowledge, "ask", ("question", "   ")), CancellationToken.None);

        Assert.Equal(["answered", "abstained"], questions.GetMeasurementSnapshot().Select(m => (string?)m.Tags["outcome"]));
    }

    private sealed class FailingRecorder : IUnansweredQuestions
    {
        public ValueTask RecordAsync(string question, string? guildId, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database is locked");
    }
}
