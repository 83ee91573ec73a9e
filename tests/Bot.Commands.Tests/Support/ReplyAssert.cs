using System.Text.RegularExpressions;
using Bot.Commands.Replies;

namespace Bot.Commands.Tests.Support;

/// <summary>Checks of replies against Discord's documented limits, written out here rather than taken from the code under test.</summary>
internal static partial class ReplyAssert
{
    /// <summary>Every piece of text a user could see in the reply.</summary>
    public static IEnumerable<string> Texts(Reply reply)
    {
        if (reply.Content is not null)
            yield return reply.Content;
        foreach (var embed in reply.Embeds)
        {
            foreach (var text in new[] { embed.Title, embed.Description, embed.Footer, embed.Url })
            {
                if (text is not null)
                    yield return text;
            }

            foreach (var field in embed.Fields)
            {
                yield return field.Name;
                yield return field.Value;
            }
        }

        foreach (var button in reply.Buttons)
            yield return button.Label;
    }

    public static void WithinDiscordLimits(Reply reply)
    {
        Assert.True(!string.IsNullOrEmpty(reply.Content) || reply.Embeds.Count > 0 || reply.Buttons.Count > 0, "the message is empty");
        Assert.InRange(reply.Content?.Length ?? 0, 0, 2000);
        Assert.InRange(reply.Embeds.Count, 0, 10);
        var total = 0;
        foreach (var embed in reply.Embeds)
        {
            Assert.InRange(embed.Title?.Length ?? 0, 0, 256);
            Assert.InRange(embed.Description?.Length ?? 0, 0, 4096);
            Assert.InRange(embed.Footer?.Length ?? 0, 0, 2048);
            Assert.InRange(embed.Fields.Count, 0, 25);
            Assert.True(embed.Title is not null || embed.Description is not null || embed.Fields.Count > 0 || embed.Footer is not null, "an embed is empty");
            total += (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Footer?.Length ?? 0);
            foreach (var field in embed.Fields)
            {
                Assert.InRange(field.Name.Length, 1, 256);
                Assert.InRange(field.Value.Length, 1, 1024);
                Assert.False(string.IsNullOrWhiteSpace(field.Name), "a field name is blank");
                Assert.False(string.IsNullOrWhiteSpace(field.Value), "a field value is blank");
                total += field.Name.Length + field.Value.Length;
            }

            if (embed.Url is not null)
                Assert.Matches("^https?://", embed.Url);
        }

        Assert.InRange(total, 0, 6000);
        Assert.InRange(reply.Buttons.Count, 0, 25);
        Assert.Equal(reply.Buttons.Count, reply.Buttons.Select(b => b.CustomId).Distinct().Count());
        foreach (var button in reply.Buttons)
        {
            Assert.InRange(button.Label.Length, 1, 80);
            Assert.False(string.IsNullOrWhiteSpace(button.Label), "a button label is blank");
            Assert.InRange(button.CustomId.Length, 1, 100);
        }

        foreach (var text in Texts(reply))
            Assert.False(TextChecks.HasBrokenSurrogate(text), $"broken surrogate pair in: {text}");
    }

    /// <summary>The same cards, field by field (records compare their field lists by reference).</summary>
    public static void SameEmbeds(IReadOnlyList<ReplyEmbed> expected, IReadOnlyList<ReplyEmbed> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i] with { Fields = [] }, actual[i] with { Fields = [] });
            Assert.Equal(expected[i].Fields, actual[i].Fields);
        }
    }

    /// <summary>No text of the reply could ping anyone or link a channel.</summary>
    public static void PingsNobody(Reply reply)
    {
        foreach (var text in Texts(reply))
            Assert.DoesNotMatch(Mention(), text);
    }

    [GeneratedRegex(@"@(everyone|here)|<@!?\d+>|<@&\d+>|<#\d+>", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();
}
