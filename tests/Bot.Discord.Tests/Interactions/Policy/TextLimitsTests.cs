using System.Text;
using Bot.Limits;

namespace Bot.Discord.Tests.Interactions.Policy;

/// <summary>Cutting text to a limit, as the reply policy (and the commands' excerpts) do, over many random texts.</summary>
public class TextLimitsTests
{
    private static readonly string[] Pieces =
    [
        "the", "director", "Madeleine", "Gavin", "film", "a", "North", "Korean", "defectors", "jungle",
        ".", ",", "!", "?", "“quoted.”", "(aside)", "—", " ", " ", " ", "  ", "\n", "\n\n", "\t",
        "😀", "🎬", "👨‍👩‍👧", "북한", "脱北者たち", "ééé", "supercalifragilisticexpialidocious",
    ];

    private const string Dangling = ",;:-–—([/";

    public static TheoryData<int> Seeds => new() { 1, 2, 3, 4, 5 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Cut_text_never_exceeds_the_limit_ends_with_an_ellipsis_and_keeps_a_prefix(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < 1000; run++)
        {
            var text = RandomText(random, random.Next(0, 700));
            var max = random.Next(0, text.Length + 10);

            var cut = TextLimits.Truncate(text, max);

            Assert.True(cut.Length <= max, $"'{cut}' is {cut.Length} > {max}");
            Assert.False(TextChecks.HasBrokenSurrogate(cut), $"broken surrogate pair cutting '{text}' to {max}");
            if (text.Length <= max)
            {
                Assert.Equal(text, cut);
                continue;
            }

            if (max == 0)
            {
                Assert.Equal("", cut);
                continue;
            }

            Assert.EndsWith("…", cut);
            var kept = cut[..^1].TrimEnd();
            Assert.StartsWith(kept, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Cut_falls_between_words_when_a_break_lies_in_the_second_half(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < 1000; run++)
        {
            var text = RandomText(random, random.Next(20, 700));
            var max = random.Next(4, text.Length);
            var room = max - 1;
            // A break that leaves some word before it, in the second half of what fits.
            var hasBreak = Enumerable.Range(room / 2, room - room / 2 + 1)
                .Any(i => i > 0 && i < text.Length && char.IsWhiteSpace(text[i]) && text[..i].Any(c => !char.IsWhiteSpace(c) && !Dangling.Contains(c)));

            var cut = TextLimits.Truncate(text, max);

            if (!hasBreak)
                continue;
            var kept = cut[..^1].TrimEnd();
            Assert.True(kept.Length > 0, $"nothing kept of '{text}' at {max}");
            var rest = text[kept.Length..].TrimStart(Dangling.ToCharArray());
            Assert.True(rest.Length == 0 || char.IsWhiteSpace(rest[0]), $"'{kept}' ends inside a word of '{text}'");
        }
    }

    [Fact]
    public void Cut_prefers_the_end_of_a_sentence()
    {
        const string text = "The first sentence is here. The second one goes on and on without end";

        Assert.Equal("The first sentence is here. …", TextLimits.Truncate(text, 50));
    }

    [Fact]
    public void Cut_between_words_drops_dangling_punctuation()
    {
        Assert.Equal("The director…", TextLimits.Truncate("The director, known for many films", 15));
        Assert.Equal("The director, known…", TextLimits.Truncate("The director, known for many films", 20));
    }

    [Fact]
    public void Text_without_spaces_is_cut_hard_but_not_inside_a_surrogate_pair()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 10)); // 20 UTF-16 units

        Assert.Equal("😀😀…", TextLimits.Truncate(emoji, 6));
        Assert.Equal("😀😀😀…", TextLimits.Truncate(emoji, 7));
        Assert.Equal("abcd…", TextLimits.Truncate("abcdefghij", 5));
    }

    [Theory]
    [InlineData("", 0, "")]
    [InlineData("abc", 0, "")]
    [InlineData("abc", 1, "…")]
    [InlineData("abc", 3, "abc")]
    public void Tiny_limits(string text, int max, string expected)
    {
        Assert.Equal(expected, TextLimits.Truncate(text, max));
    }

    private static string RandomText(Random random, int length)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
            if (random.Next(3) > 0)
                text.Append(' ');
        }

        return text.ToString();
    }
}
