using Bot.Knowledge.Mentions;
using Bot.Knowledge.Trivia;

namespace Bot.Knowledge.Tests.Mentions;

/// <summary>Which numbers of a sentence may be asked about, and which are years (<see cref="NumberFinder"/>).</summary>
public class NumberFinderTests
{
    [Theory]
    [InlineData("He has helped more than 1,000 defectors escape.", "1,000", TriviaKind.Number)]
    [InlineData("It lasted for 24 years in all.", "24", TriviaKind.Number)]
    [InlineData("The lamp is 3.5 metres above the sea.", "3.5", TriviaKind.Number)]
    [InlineData("She met him in 2019 in South Korea.", "2019", TriviaKind.Year)]
    [InlineData("A storm in 1913 tore away the gallery.", "1913", TriviaKind.Year)]
    [InlineData("The year 1987 was dry.", "1987", TriviaKind.Year)]
    [InlineData("The route is 1800 kilometres long.", "1800", TriviaKind.Number)]
    [InlineData("Prices rose 40% that year.", "40", TriviaKind.Number)]
    [InlineData("It cost $250 to cross.", "250", TriviaKind.Number)]
    public void Numbers_are_found_with_their_kind(string sentence, string text, TriviaKind kind)
    {
        var number = Assert.Single(NumberFinder.Numbers(sentence));

        Assert.Equal(text, number.Text);
        Assert.Equal(kind, number.IsYear ? TriviaKind.Year : TriviaKind.Number);
        Assert.Equal(text, sentence.Substring(number.Start, number.Length));
    }

    [Theory]
    [InlineData("The 24th day was the hardest.")]
    [InlineData("During COVID-19 the crossings stopped.")]
    [InlineData("The film starts at 20:00 sharp.")]
    [InlineData("They left on March 3 at dawn.")]
    [InlineData("The ferry No. 5 sank.")]
    [InlineData("See page 12 of the report.")]
    [InlineData("The score was 0 for the visitors.")]
    [InlineData("Arabic-Indic digits ٢٠١٩ are not read.")]
    [InlineData("Full-width digits ２０１９ are not read.")]
    [InlineData("They sang “99 Red Balloons” on the boat.")]
    [InlineData("The dates 1990-1995 are a range.")]
    public void Numbers_that_are_labels_dates_or_parts_of_words_are_not_candidates(string sentence)
    {
        Assert.Empty(NumberFinder.Numbers(sentence));
    }
}
