using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Commands.Buttons;
using Bot.Commands.Replies;
using Bot.Commands.Search;
using Bot.Commands.Tests.Support;

namespace Bot.Commands.Tests;

/// <summary>/search: passages three to a page, paged with Previous and Next.</summary>
public partial class SearchCommandTests(ShippedCommandsFixture knowledge) : IClassFixture<ShippedCommandsFixture>
{
    private const string Query = "Pastor Kim";
    private static readonly string Article = File.ReadAllText(TestPaths.ShippedArticle).ReplaceLineEndings("\n");

    [Fact]
    public async Task Search_shows_the_first_three_passages_with_matched_words_in_bold_and_their_sources()
    {
        var reply = await knowledge.RunAsync("search", ("query", Query));

        Assert.False(reply.Ephemeral);
        Assert.Equal(ReplyKind.NewMessage, reply.Kind);
        var embed = Assert.Single(reply.Embeds);
        Assert.Equal("Search: Pastor Kim", embed.Title);
        Assert.Equal(3, embed.Fields.Count);
        Assert.Equal(["1. ", "2. ", "3. "], embed.Fields.Select(f => f.Name[..3]));
        foreach (var field in embed.Fields)
        {
            Assert.Matches(@"^\d\. Meet Pastor Kim Saving North Korean Defectors( > .+)?$", field.Name);
            Assert.Matches(BoldKim(), field.Value);
            var plain = field.Value.Replace("**", "", StringComparison.Ordinal).TrimStart('…', ' ');
            Assert.Contains(plain.TrimEnd('…'), Article); // the passage's own words, from the knowledge file
        }

        Assert.Matches(@"^Page 1 of \d+ · \d+ passages$", embed.Footer);
        Assert.Equal(["Previous", "Next"], reply.Buttons.Select(b => b.Label));
        Assert.True(reply.Buttons[0].Disabled);
        Assert.False(reply.Buttons[1].Disabled);
        Assert.All(reply.Buttons, b => Assert.StartsWith("search:", b.CustomId));
        ReplyAssert.WithinDiscordLimits(reply);
    }

    [Fact]
    public async Task Next_and_previous_replace_the_page_and_stop_at_the_ends()
    {
        var first = await knowledge.RunAsync("search", ("query", Query));
        var pages = new List<Reply> { first };
        while (pages[^1].Buttons.Single(b => b.Label == "Next") is { Disabled: false } next && pages.Count < 10)
        {
            Assert.Equal(ComponentReplyPlan.UpdateMessage, knowledge.Command<SearchCommand>().PlanComponent(next.CustomId));
            pages.Add(await knowledge.ClickAsync(next.CustomId));
        }

        Assert.True(pages.Count > 1);
        Assert.All(pages.Skip(1), p => Assert.Equal(ReplyKind.UpdateMessage, p.Kind));
        Assert.All(pages, ReplyAssert.WithinDiscordLimits);
        var numbers = pages.SelectMany(p => p.Embeds[0].Fields).Select(f => int.Parse(f.Name[..f.Name.IndexOf('.')], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(Enumerable.Range(1, numbers.Length), numbers);
        Assert.Equal($"Page {pages.Count} of {pages.Count}", pages[^1].Embeds[0].Footer![..$"Page {pages.Count} of {pages.Count}".Length]);
        Assert.True(pages[^1].Buttons.Single(b => b.Label == "Next").Disabled);

        var back = await knowledge.ClickAsync(pages[^1].Buttons.Single(b => b.Label == "Previous").CustomId);
        ReplyAssert.SameEmbeds(pages[^2].Embeds, back.Embeds);
        Assert.Equal(ReplyKind.UpdateMessage, back.Kind);
    }

    [Theory]
    [InlineData("999", "last")]
    [InlineData("-5", "first")]
    [InlineData("0", "first")]
    public async Task Page_past_either_end_shows_the_nearest_real_page(string page, string which)
    {
        var first = await knowledge.RunAsync("search", ("query", Query));
        var pages = int.Parse(Regex.Match(first.Embeds[0].Footer!, @"of (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        // The query's reference is authenticated: take it from a real button, change only the page.
        var next = first.Buttons.Single(b => b.Label == "Next").CustomId;
        var customId = Regex.Replace(next, @"^search:\d+:", $"search:{page}:");

        var reply = await knowledge.ClickAsync(customId);

        Assert.Equal(ReplyKind.UpdateMessage, reply.Kind);
        Assert.StartsWith(which == "first" ? "Page 1 of" : $"Page {pages} of", reply.Embeds[0].Footer);
        ReplyAssert.WithinDiscordLimits(reply);
    }

    [Theory]
    [InlineData("search:x:'Pastor Kim")]
    [InlineData("search:1")]
    [InlineData("search:1:")]
    [InlineData("search:1:'")]
    [InlineData("search:1:#expiredkey01")]
    [InlineData("search:")]
    public async Task Forged_or_expired_page_buttons_get_a_private_note_in_a_new_message(string customId)
    {
        Assert.Equal(ComponentReplyPlan.EphemeralMessage, knowledge.Command<SearchCommand>().PlanComponent(customId));

        var reply = await knowledge.ClickAsync(customId);

        Assert.True(reply.Ephemeral);
        Assert.Equal(ReplyKind.NewMessage, reply.Kind);
        Assert.Equal(SearchCommand.ExpiredText, reply.Content);
    }

    [Fact]
    public async Task Long_search_pages_through_the_recent_list()
    {
        var query = string.Join(' ', Enumerable.Repeat("Pastor Kim rescues defectors in the jungle with the Roh family", 3));
        var references = new QueryReferences();
        var search = new SearchCommand(references: references);
        var first = await search.ExecuteAsync(Contexts.Command(knowledge.Knowledge, "search", ("query", query)), CancellationToken.None);
        var next = first.Buttons.Single(b => b.Label == "Next").CustomId;
        Assert.Contains("#", next);
        Assert.InRange(next.Length, 1, 100);

        var second = await search.HandleComponentAsync(Contexts.Click(knowledge.Knowledge, next), CancellationToken.None);

        Assert.StartsWith("Page 2 of", second.Embeds[0].Footer);
        Assert.Equal(ComponentReplyPlan.EphemeralMessage, new SearchCommand(references: new QueryReferences()).PlanComponent(next));
    }

    [Theory]
    [InlineData("sourdough kubernetes")]
    [InlineData("the of and")]
    public async Task Search_without_results_gets_a_private_note(string query)
    {
        var reply = await knowledge.RunAsync("search", ("query", query));

        Assert.True(reply.Ephemeral);
        Assert.Empty(reply.Embeds);
        Assert.Equal(SearchCommand.NothingFoundText(query), reply.Content);
        Assert.Contains(query, reply.Content);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_search_gets_a_hint(string query)
    {
        var reply = await knowledge.RunAsync("search", ("query", query));

        Assert.True(reply.Ephemeral);
        Assert.Equal(SearchCommand.EmptyQueryText, reply.Content);
    }

    [GeneratedRegex(@"\*\*(Pastor )?Kim\*\*|\*\*Pastor\*\*")]
    private static partial Regex BoldKim();
}
