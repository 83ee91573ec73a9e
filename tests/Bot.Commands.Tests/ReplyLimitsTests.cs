using Bot.Commands.Replies;
using Bot.Commands.Tests.Support;

namespace Bot.Commands.Tests;

/// <summary>Whatever a command builds, what goes out is a message Discord accepts.</summary>
public class ReplyLimitsTests
{
    [Fact]
    public void Reply_within_limits_is_left_as_it_is()
    {
        var reply = new Reply
        {
            Content = "Hello",
            Embeds = [new ReplyEmbed { Title = "Title", Description = "Text", Footer = "Source: x", Url = "https://example.org/a", Fields = [new("Name", "Value", Inline: true)] }],
            Buttons = [new("Next", "vote:next", ReplyButtonStyle.Primary)],
            Ephemeral = true,
            Kind = ReplyKind.UpdateMessage,
        };

        var fitted = ReplyLimits.Fit(reply);

        Assert.Equal(reply.Content, fitted.Content);
        Assert.Equal(reply.Embeds[0] with { Fields = [] }, fitted.Embeds[0] with { Fields = [] });
        Assert.Equal(reply.Embeds[0].Fields, fitted.Embeds[0].Fields);
        Assert.Equal(reply.Buttons, fitted.Buttons);
        Assert.True(fitted.Ephemeral);
        Assert.Equal(ReplyKind.UpdateMessage, fitted.Kind);
        Assert.Empty(ReplyLimits.Problems(fitted));
    }

    [Fact]
    public void Huge_fields_and_fifty_buttons_are_cut_to_the_limits()
    {
        var reply = new Reply
        {
            Content = new string('c', 5000),
            Embeds =
            [
                new ReplyEmbed
                {
                    Title = new string('t', 1000),
                    Description = Words(10_000),
                    Footer = new string('f', 3000),
                    Fields = Enumerable.Range(0, 40).Select(i => new ReplyEmbedField(new string('n', 400), Words(3000))).ToArray(),
                },
            ],
            Buttons = Enumerable.Range(0, 50).Select(i => new ReplyButton(new string('b', 120), $"vote:{i}")).ToArray(),
        };

        var fitted = ReplyLimits.Fit(reply);

        ReplyAssert.WithinDiscordLimits(fitted);
        Assert.Equal(25, fitted.Buttons.Count);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"vote:{i}"), fitted.Buttons.Select(b => b.CustomId));
        Assert.Equal(25, fitted.Embeds[0].Fields.Count);
        Assert.Empty(ReplyLimits.Problems(fitted));
    }

    [Fact]
    public void Short_parts_survive_whole_while_a_huge_description_gives_way()
    {
        var reply = Reply.WithEmbed(new ReplyEmbed
        {
            Title = "Answer",
            Description = Words(4096),
            Footer = "Source: article > section",
            Fields = Enumerable.Range(0, 10).Select(i => new ReplyEmbedField($"Field {i}", Words(300))).ToArray(),
        });

        var fitted = ReplyLimits.Fit(reply);

        ReplyAssert.WithinDiscordLimits(fitted);
        var embed = Assert.Single(fitted.Embeds);
        Assert.Equal("Answer", embed.Title);
        Assert.Equal("Source: article > section", embed.Footer);
        Assert.Equal(reply.Embeds[0].Fields, embed.Fields);
        Assert.EndsWith("…", embed.Description);
    }

    [Fact]
    public void Buttons_whose_clicks_could_not_be_routed_are_dropped()
    {
        var reply = new Reply
        {
            Content = "Pick",
            Buttons =
            [
                new("Fine", "vote:a"),
                new("Same id", "vote:a"),
                new("No id", ""),
                new("Too long", "vote:" + new string('x', 100)),
                new("", "vote:b"),
            ],
        };

        var fitted = ReplyLimits.Fit(reply);

        Assert.Equal(["vote:a", "vote:b"], fitted.Buttons.Select(b => b.CustomId));
        Assert.Equal("…", fitted.Buttons[1].Label);
    }

    [Fact]
    public void Empty_reply_gets_something_to_show()
    {
        var fitted = ReplyLimits.Fit(new Reply { Embeds = [new ReplyEmbed { Title = "  " }] });

        ReplyAssert.WithinDiscordLimits(fitted);
        Assert.Empty(fitted.Embeds);
    }

    [Fact]
    public void Blank_field_parts_and_bad_links_are_mended()
    {
        var fitted = ReplyLimits.Fit(Reply.WithEmbed(new ReplyEmbed { Url = "javascript:alert(1)", Fields = [new("", " ")] }));

        ReplyAssert.WithinDiscordLimits(fitted);
        Assert.Null(fitted.Embeds[0].Url);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Any_random_reply_is_fitted_within_every_limit(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < 200; run++)
        {
            string? Text(int max) => random.Next(6) == 0 ? null : random.Next(8) == 0 ? "   " : RandomText(random, random.Next(0, max));
            var reply = new Reply
            {
                Content = Text(6000),
                Embeds = Enumerable.Range(0, random.Next(0, 15)).Select(_ => new ReplyEmbed
                {
                    Title = Text(600),
                    Description = Text(9000),
                    Footer = Text(4000),
                    Url = random.Next(2) == 0 ? "https://example.org/" + random.Next() : Text(30),
                    Fields = Enumerable.Range(0, random.Next(0, 40)).Select(_ => new ReplyEmbedField(Text(500) ?? "", Text(2500) ?? "", random.Next(2) == 0)).ToArray(),
                }).ToArray(),
                Buttons = Enumerable.Range(0, random.Next(0, 60)).Select(i => new ReplyButton(Text(150) ?? "", "b:" + random.Next(0, 40) + new string('x', random.Next(0, 110)), (ReplyButtonStyle)random.Next(0, 4))).ToArray(),
            };

            var fitted = ReplyLimits.Fit(reply);

            ReplyAssert.WithinDiscordLimits(fitted);
            Assert.Empty(ReplyLimits.Problems(fitted));
        }
    }

    private static string Words(int length) => RandomText(new Random(length), length);

    private static string RandomText(Random random, int length)
    {
        string[] words = ["word", "longer", "😀", "a", "sentence.", "Discord", "北朝鮮", "\n", "end!"];
        var text = new System.Text.StringBuilder();
        while (text.Length < length)
            text.Append(words[random.Next(words.Length)]).Append(' ');
        return text.ToString(0, TextLimits.SafeCut(text.ToString(), length));
    }
}
