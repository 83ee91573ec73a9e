using Bot.Knowledge.Text;

namespace Bot.Knowledge.Tests;

/// <summary>The bot answers with one sentence, so where sentences end decides what the user reads.</summary>
public class SentenceSplittingTests
{
    [Fact]
    public void Sentence_ending_inside_curly_quotes_keeps_the_closing_quote()
    {
        var sentences = SentenceSplitter.Split(
            "It’s the first time the Roh family heard words like “In Jesus’ Name.” Despite being new to Christianity, that meal and prayer meant the world to Kim.");

        Assert.Equal(
            [
                "It’s the first time the Roh family heard words like “In Jesus’ Name.”",
                "Despite being new to Christianity, that meal and prayer meant the world to Kim.",
            ],
            sentences);
    }

    [Fact]
    public void Straight_closing_quotes_and_brackets_stay_with_their_sentence()
    {
        var sentences = SentenceSplitter.Split("He said \"Go now.\" (They went.) Then it was quiet.");

        Assert.Equal(["He said \"Go now.\"", "(They went.)", "Then it was quiet."], sentences);
    }

    [Fact]
    public void Abbreviations_do_not_end_a_sentence()
    {
        var sentences = SentenceSplitter.Split("Dr. Lee met Mr. Kim in the U.S. in 2019. They talked for hours.");

        Assert.Equal(["Dr. Lee met Mr. Kim in the U.S. in 2019.", "They talked for hours."], sentences);
    }

    [Fact]
    public void An_initial_does_not_end_a_sentence()
    {
        var sentences = SentenceSplitter.Split("The film was reviewed by J. Smith. It was praised.");

        Assert.Equal(["The film was reviewed by J. Smith.", "It was praised."], sentences);
    }

    [Fact]
    public void Numbers_with_commas_and_decimal_points_stay_whole()
    {
        var sentences = SentenceSplitter.Split("He has helped more than 1,000 defectors. The trip took 1.5 days. It cost $2.50 a meal.");

        Assert.Equal(["He has helped more than 1,000 defectors.", "The trip took 1.5 days.", "It cost $2.50 a meal."], sentences);
    }

    [Fact]
    public void Question_and_exclamation_marks_end_sentences()
    {
        var sentences = SentenceSplitter.Split("This documentary? It’s a reminder of the unseen struggles! Watch it?! Yes.");

        Assert.Equal(["This documentary?", "It’s a reminder of the unseen struggles!", "Watch it?!", "Yes."], sentences);
    }

    [Fact]
    public void Text_without_a_final_stop_is_still_a_sentence()
    {
        Assert.Equal(["One.", "And a trailing clause"], SentenceSplitter.Split("One. And a trailing clause"));
        Assert.Equal(["No stop at all"], SentenceSplitter.Split("  No stop at all  "));
        Assert.Empty(SentenceSplitter.Split("   "));
    }

    [Fact]
    public void Spans_point_at_the_sentences_in_the_paragraph()
    {
        const string paragraph = "  Meet Pastor Kim.  So, there’s this Pastor, Seungeun Kim. ";

        var spans = SentenceSplitter.Spans(paragraph);

        Assert.Equal(["Meet Pastor Kim.", "So, there’s this Pastor, Seungeun Kim."], spans.Select(s => paragraph.Substring(s.Start, s.Length)));
    }
}
