using System.Text;
using Bot.Commands.Replies;

namespace Bot.Commands.Tests;

/// <summary>User text shown as typed, pinging nobody.</summary>
public class MarkdownTests
{
    private const char Zwsp = Markdown.ZeroWidthSpace;

    [Theory]
    [InlineData("Who directed the film?", "Who directed the film?")]
    [InlineData("**bold**", @"\*\*bold\*\*")]
    [InlineData("__under__ _it_ ~~gone~~ ||secret|| `code`", @"\_\_under\_\_ \_it\_ \~\~gone\~\~ \|\|secret\|\| \`code\`")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("[click](https://evil.example)", @"\[click\](https://evil.example)")]
    [InlineData("# heading", @"\# heading")]
    [InlineData("## heading", @"\## heading")]
    [InlineData("-# subtext", @"\-# subtext")]
    [InlineData("- item", @"\- item")]
    [InlineData("> quote", @"\> quote")]
    [InlineData(">>> quote", @"\>>> quote")]
    [InlineData("1. first", @"1\. first")]
    [InlineData("a - b > c # d 1. e", "a - b > c # d 1. e")]
    [InlineData("line\n  # heading\n- item", "line\n  \\# heading\n\\- item")]
    public void Markdown_is_escaped(string text, string expected)
    {
        Assert.Equal(expected, Markdown.Escape(text));
    }

    [Theory]
    [InlineData("@everyone", "@\u200Beveryone")]
    [InlineData("hi @here!", "hi @\u200Bhere!")]
    [InlineData("@Everyone", "@\u200BEveryone")]
    [InlineData("<@123>", "<\u200B@123>")]
    [InlineData("<@!123>", "<\u200B@!123>")]
    [InlineData("<@&123>", "<\u200B@&123>")]
    [InlineData("<#123>", "<\u200B#123>")]
    [InlineData("</ask:123>", "<\u200B/ask:123>")]
    [InlineData("<t:1700000000:R>", "<\u200Bt:1700000000:R>")]
    [InlineData("a <3 b", "a <\u200B3 b")]
    [InlineData("x < y", "x < y")]
    [InlineData("mail@example.org", "mail@example.org")]
    public void Mentions_are_broken_with_a_zero_width_space(string text, string expected)
    {
        Assert.Equal(expected, Markdown.NeutralizeMentions(text));
        Assert.Equal(expected.Contains(Zwsp), Markdown.Escape(text).Contains(Zwsp));
    }

    [Fact]
    public void Neutralizing_mentions_leaves_markdown_alone()
    {
        Assert.Equal("**bold** <\u200B@123> # x", Markdown.NeutralizeMentions("**bold** <@123> # x"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Escaped_text_reads_back_as_typed(int seed)
    {
        var random = new Random(seed);
        const string alphabet = "ab 1.\\*_~`|[]>#-+<@&!:/\n\r\t😀éeveryonehere";
        for (var run = 0; run < 2000; run++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 60); i > 0; i--)
            {
                var at = random.Next(alphabet.Length);
                text.Append(char.IsSurrogate(alphabet[at]) ? "😀" : alphabet[at].ToString());
            }

            var escaped = Markdown.Escape(text.ToString());

            Assert.Equal(text.ToString(), Unescape(escaped));
        }
    }

    /// <summary>What Discord shows: a backslash shows the next character as itself; the zero-width space shows nothing.</summary>
    private static string Unescape(string text)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == Zwsp)
                continue;
            if (text[i] == '\\' && i + 1 < text.Length)
                i++;
            result.Append(text[i]);
        }

        return result.ToString();
    }
}
