using Bot.Commands.WatchParty;

namespace Bot.Commands.Tests.WatchParty;

public partial class StartTimeParserTests
{
    // Bad input

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_given_asks_for_a_time(string? input)
    {
        var result = Refused(At(Wednesday), input, null, StartTimeError.Empty);

        Assert.Contains("in 2h", result.Message);
    }

    [Theory]
    [InlineData("whenever")]
    [InlineData("soon")]
    [InlineData("at 8")]
    [InlineData("20")]
    [InlineData("2026")]
    [InlineData("2026-12-01")]
    [InlineData("12/01/2026 20:00")]
    [InlineData("next week")]
    [InlineData("yesterday 20:00")]
    [InlineData("friday at")]
    [InlineData("tomorrow blah")]
    [InlineData("monurday 19:00")]
    public void Unreadable_text_is_refused_with_examples(string input)
    {
        var result = Refused(At(Wednesday), input, null, StartTimeError.NotUnderstood);

        Assert.Contains("`", result.Message);
    }

    [Fact]
    public void Text_typed_by_the_user_is_escaped_in_the_message()
    {
        var result = At(Wednesday).Parse("@everyone **now** <@123>");

        Assert.Equal(StartTimeError.NotUnderstood, result.Error);
        // Ordinal: a culture-aware search would skip the zero-width spaces that break the mentions.
        Assert.DoesNotContain("@everyone", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("**now**", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<@123>", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_input_never_throws()
    {
        var parser = At(Wednesday);
        string[] inputs =
        [
            new string('9', 10_000), "in " + new string('9', 40) + "h", "in 99999 weeks 99999 days", "9999-99-99T99:99Z",
            "0000-00-00T00:00Z", "2026-12-01T20:00+99:99", "tonight 99:99", "friday 99pm", "\0", "\u202E20:00", "２０:００",
            "in 1h" + string.Concat(Enumerable.Repeat(" 1m", 30)), "tomorrow " + new string(' ', 100) + "20:00", "in -2h", "-20:00",
            "in 2h\n@everyone", "2026-12-01T20:00:00.12345678Z",
        ];
        foreach (var input in inputs)
        {
            foreach (var zone in new[] { null, "Europe/Paris", "Pacific/Kiritimati", "nowhere" })
            {
                var result = parser.Parse(input, zone);
                Assert.True(result.Succeeded || result.Message.Length > 0);
            }
        }
    }
}
