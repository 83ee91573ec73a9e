using Bot.Commands.Ask;
using Bot.Commands.Replies;
using Bot.Commands.Tests.Support;
using Bot.Knowledge;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Commands.Tests;

/// <summary>What a member gets back from /ask, answered from the shipped knowledge on disk.</summary>
public class AskCommandTests(ShippedCommandsFixture knowledge) : IClassFixture<ShippedCommandsFixture>
{
    private const string Question = "Who directed Beyond Utopia?";
    private static readonly string Article = File.ReadAllText(TestPaths.ShippedArticle).ReplaceLineEndings("\n");

    [Fact]
    public async Task Answered_question_shows_the_knowledge_sentence_the_passage_and_its_source()
    {
        var reply = await knowledge.RunAsync("ask", ("question", Question));

        Assert.False(reply.Ephemeral);
        Assert.Equal(ReplyKind.NewMessage, reply.Kind);
        var card = Assert.Single(reply.Embeds);
        Assert.Contains("Madeleine Gavin", card.Title);
        Assert.Contains(card.Title!, Article); // the sentence, verbatim from the knowledge file
        var paragraph = Paragraphs(Article).Single(p => p.Contains(card.Title!, StringComparison.Ordinal));
        Assert.Equal(paragraph, card.Description!.Replace("**", "", StringComparison.Ordinal));
        Assert.Contains("**director**", card.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Equal($"Source: {TitleOf(Article)} > {SectionAbove(Article, paragraph)}", card.Footer);
        Assert.Equal("> " + Question, reply.Content);
        ReplyAssert.WithinDiscordLimits(reply);
    }

    [Fact]
    public async Task Answer_matches_what_the_knowledge_engine_says()
    {
        var answer = knowledge.Knowledge.Ask("How many defectors has Pastor Kim helped?");

        var reply = await knowledge.RunAsync("ask", ("question", "How many defectors has Pastor Kim helped?"));

        Assert.True(answer.Answered);
        Assert.Equal(answer.Sentence, Assert.Single(reply.Embeds).Title);
    }

    [Fact]
    public async Task Private_answer_is_shown_only_to_the_asker()
    {
        var reply = await knowledge.RunAsync("ask", ("question", Question), ("private", true));

        Assert.True(reply.Ephemeral);
        Assert.Contains("Madeleine Gavin", Assert.Single(reply.Embeds).Title);
        Assert.True(knowledge.Catalog.Find("ask")!.RepliesEphemerally(CommandOptions.Of(("question", Question), ("private", true))));
        Assert.False(knowledge.Catalog.Find("ask")!.RepliesEphemerally(CommandOptions.Of(("question", Question))));
    }

    [Fact]
    public async Task Private_false_answers_in_the_open()
    {
        var reply = await knowledge.RunAsync("ask", ("question", Question), ("private", false));

        Assert.False(reply.Ephemeral);
        Assert.Single(reply.Embeds);
    }

    [Theory]
    [InlineData("What is the recipe for sourdough bread?")]
    [InlineData("How do I configure a Kubernetes ingress controller?")]
    public async Task Question_the_knowledge_does_not_cover_gets_a_private_note_pointing_to_help(string question)
    {
        var reply = await knowledge.RunAsync("ask", ("question", question));

        Assert.True(reply.Ephemeral);
        Assert.Empty(reply.Embeds);
        Assert.Equal(AskCommand.NotAnsweredText, reply.Content);
        Assert.Contains("/help", reply.Content);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("?!")]
    public async Task Empty_question_gets_a_private_hint_on_how_to_ask(string question)
    {
        var reply = await knowledge.RunAsync("ask", ("question", question));

        Assert.True(reply.Ephemeral);
        Assert.Equal(AskCommand.EmptyQuestionText, reply.Content);
    }

    [Fact]
    public async Task Missing_question_option_gets_the_same_hint()
    {
        var reply = await knowledge.RunAsync("ask");

        Assert.True(reply.Ephemeral);
        Assert.Equal(AskCommand.EmptyQuestionText, reply.Content);
    }

    [Fact]
    public async Task Question_of_the_wrong_kind_gets_the_hint_rather_than_an_error()
    {
        var reply = await knowledge.RunAsync("ask", ("question", 42L), ("private", "yes"));

        Assert.True(reply.Ephemeral);
        Assert.Equal(AskCommand.EmptyQuestionText, reply.Content);
    }

    [Theory]
    [InlineData(6000, ' ')]
    [InlineData(6000, 'x')]
    [InlineData(301, 'a')]
    public async Task Overlong_question_is_refused_politely_within_limits(int length, char filler)
    {
        var question = ("Who " + new string(filler, length))[..(length - 10)] + " directed?";

        var reply = await knowledge.RunAsync("ask", ("question", question));

        Assert.True(reply.Ephemeral);
        Assert.Empty(reply.Embeds);
        Assert.Contains("up to 300", reply.Content);
        ReplyAssert.WithinDiscordLimits(reply);
    }

    [Fact]
    public async Task Six_thousand_characters_of_real_words_are_refused()
    {
        var question = string.Concat(Enumerable.Repeat("Who directed Beyond Utopia and where did Pastor Kim meet her? ", 100))[..5999] + "?";
        var reply = await knowledge.RunAsync("ask", ("question", question));

        Assert.Equal(AskCommand.TooLongText(6000), reply.Content);
        ReplyAssert.WithinDiscordLimits(reply);
    }

    [Fact]
    public async Task Question_of_300_emoji_is_not_too_long()
    {
        var reply = await knowledge.RunAsync("ask", ("question", string.Concat(Enumerable.Repeat("😀", 300))));

        Assert.Equal(AskCommand.EmptyQuestionText, reply.Content); // no words to look up, but not refused as too long
    }

    [Theory]
    [InlineData("@everyone <@&123> <@!123> **bold** Who directed Beyond Utopia?")]
    [InlineData("Who directed Beyond Utopia? @here <@456> <#789> **bold** __under__ ||spoiler||")]
    [InlineData("# Who directed Beyond Utopia? @everyone")]
    [InlineData("> Who directed\n- Beyond Utopia? <@&123>")]
    public async Task Mentions_and_markdown_in_the_question_are_shown_as_text(string question)
    {
        var reply = await knowledge.RunAsync("ask", ("question", question));

        ReplyAssert.PingsNobody(reply);
        ReplyAssert.WithinDiscordLimits(reply);
        foreach (var text in ReplyAssert.Texts(reply))
        {
            Assert.DoesNotContain("**bold**", text);
            Assert.DoesNotContain("__under__", text);
            Assert.DoesNotContain("||spoiler||", text);
        }

        Assert.NotNull(reply.Content);
        if (reply.Embeds.Count > 0)
        {
            Assert.StartsWith("> ", reply.Content);
            Assert.DoesNotContain('\n', reply.Content);
            Assert.Equal(Unescape(question.ReplaceLineEndings(" ")), Unescape(reply.Content[2..]));
        }
    }

    [Fact]
    public async Task Injected_question_that_still_matches_is_answered_with_the_question_escaped()
    {
        var reply = await knowledge.RunAsync("ask", ("question", "Who directed Beyond Utopia? @everyone <@&123> <@!123> **bold**"));

        Assert.Contains("Madeleine Gavin", Assert.Single(reply.Embeds).Title);
        Assert.Contains(@"@" + Markdown.ZeroWidthSpace + "everyone", reply.Content);
        Assert.Contains(@"\*\*bold\*\*", reply.Content);
        Assert.Contains("<" + Markdown.ZeroWidthSpace + "@&123>", reply.Content);
        Assert.Contains("<" + Markdown.ZeroWidthSpace + "@!123>", reply.Content);
        ReplyAssert.PingsNobody(reply);
    }

    [Fact]
    public async Task Knowledge_not_yet_indexed_says_to_try_again()
    {
        var command = knowledge.Catalog.Find("ask")!;

        var reply = await command.ExecuteAsync(Contexts.Command(new LoadingKnowledge(), "ask", ("question", Question)), CancellationToken.None);

        Assert.True(reply.Ephemeral);
        Assert.Equal(AskCommand.NotReadyText, reply.Content);
    }

    [Fact]
    public async Task Broken_knowledge_store_surfaces_as_an_exception_for_the_dispatcher()
    {
        using var temp = new TempFolder();
        var store = new KnowledgeStore(KnowledgeIndex.Open(temp.Combine("index")));
        new KnowledgeSynchronizer(store, TestPaths.ShippedKnowledge, 4 * 1024 * 1024, NullLogger.Instance).Synchronize();
        var reader = new KnowledgeReader(new AnswerEngine(store), store);
        store.Dispose();
        var command = knowledge.Catalog.Find("ask")!;

        await Assert.ThrowsAnyAsync<Exception>(async () =>
            await command.ExecuteAsync(Contexts.Command(reader, "ask", ("question", Question)), CancellationToken.None));
    }

    [Fact]
    public async Task Cancelled_before_it_starts_throws_cancellation()
    {
        var command = knowledge.Catalog.Find("ask")!;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await command.ExecuteAsync(knowledge.Context("ask", ("question", Question)), new CancellationToken(canceled: true)));
    }

    private static string Unescape(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Replace(Markdown.ZeroWidthSpace.ToString(), ""), @"\\(.)", "$1");

    private static IEnumerable<string> Paragraphs(string markdown) =>
        markdown.Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0 && !p.StartsWith('#') && !p.StartsWith("---", StringComparison.Ordinal));

    private static string TitleOf(string markdown) =>
        markdown.Split('\n').First(l => l.StartsWith("# ", StringComparison.Ordinal)).Substring(2).Trim();

    private static string SectionAbove(string markdown, string paragraph) =>
        markdown[..markdown.IndexOf(paragraph, StringComparison.Ordinal)].Split('\n').Last(l => l.StartsWith("## ", StringComparison.Ordinal)).Substring(3).Trim();

    private sealed class LoadingKnowledge : IKnowledgeReader
    {
        public bool IsReady => false;

        public Answer Ask(string question) => throw new InvalidOperationException("not ready");
    }
}
