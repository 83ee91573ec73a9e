using Bot.Commands.Definitions;
using Bot.Commands.Replies;
using Bot.Commands.Tests.Support;

namespace Bot.Commands.Tests;

/// <summary>
/// Whatever a member types into any text option of any command: the longest text Discord lets
/// through, mentions and Markdown. Every reply stays within Discord's limits and pings nobody.
/// </summary>
public class UserInputTests(ShippedCommandsFixture knowledge) : IClassFixture<ShippedCommandsFixture>
{
    /// <summary>Every permission, so commands for moderators and hosts read what is typed rather than refuse.</summary>
    private const MemberPermission Moderator = MemberPermission.Administrator;

    public static TheoryData<string, string> TextOptions()
    {
        using var fixture = new ShippedCommandsFixture();
        var data = new TheoryData<string, string>();
        foreach (var definition in fixture.Catalog.Definitions)
        {
            foreach (var option in definition.Options.Where(o => o.Kind == OptionKind.String))
                data.Add(definition.Name, option.Name);
            foreach (var subcommand in definition.Subcommands)
            {
                foreach (var option in subcommand.Options.Where(o => o.Kind == OptionKind.String))
                    data.Add($"{definition.Name} {subcommand.Name}", option.Name);
            }
        }

        return data;
    }

    public static TheoryData<string> Injections => new()
    {
        "@everyone <@&123> <@!123> **bold** Pastor Kim",
        "Roh family @here <@456> <#789> __under__ ||spoiler|| ~~gone~~",
        "# Madeleine Gavin @everyone",
        "> Laos\n- <@&123> [link](https://example.org) `code`",
        "@everyone",
    };

    [Fact]
    public void Every_text_option_is_tested()
    {
        // ask question, about topic, search query, summary topic, watchparty schedule start, title and timezone
        Assert.Equal(7, TextOptions().Count);
    }

    [Theory]
    [MemberData(nameof(TextOptions))]
    public async Task Six_thousand_characters_in_a_text_option_are_refused_politely(string command, string option)
    {
        foreach (var text in new[] { new string('x', 6000), string.Concat(Enumerable.Repeat("Pastor Kim ", 546))[..6000], new string(' ', 5999) + "k" })
        {
            var reply = await knowledge.RunAsync(command, Moderator, (option, text));

            Assert.True(reply.Ephemeral, $"/{command} {option}: {reply.Content}");
            Assert.Empty(reply.Embeds);
            Assert.True(reply.Content!.Length < 400, reply.Content);
            ReplyAssert.WithinDiscordLimits(reply);
        }
    }

    [Theory]
    [MemberData(nameof(TextOptions))]
    public async Task Mentions_and_markdown_in_a_text_option_are_shown_not_acted_on(string command, string option)
    {
        foreach (var text in Injections)
        {
            var reply = await knowledge.RunAsync(command, Moderator, (option, text));

            ReplyAssert.PingsNobody(reply);
            ReplyAssert.WithinDiscordLimits(reply);
            foreach (var shown in ReplyAssert.Texts(reply))
            {
                foreach (var raw in new[] { "**bold**", "__under__", "||spoiler||", "~~gone~~", "[link](", "`code`" })
                    Assert.DoesNotContain(raw, shown);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task Mentions_and_markdown_typed_while_choosing_a_topic_are_harmless(string typed)
    {
        var choices = await knowledge.SuggestAsync("about", "topic", typed);

        Assert.InRange(choices.Count, 0, 25);
        Assert.All(choices, c => Assert.DoesNotContain("@", c.Name));
    }

    [Fact]
    public async Task Matching_search_with_injected_text_shows_it_escaped()
    {
        var reply = await knowledge.RunAsync("search", ("query", "@everyone <@&123> <@!123> **bold** Pastor Kim"));

        var title = Assert.Single(reply.Embeds).Title!;
        Assert.Contains("@" + Markdown.ZeroWidthSpace + "everyone", title);
        Assert.Contains("<" + Markdown.ZeroWidthSpace + "@&123>", title);
        Assert.Contains("<" + Markdown.ZeroWidthSpace + "@!123>", title);
        Assert.Contains(@"\*\*bold\*\*", title);
    }
}
