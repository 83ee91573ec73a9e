using Bot.Knowledge.Search;

namespace Bot.Knowledge.Tests;

/// <summary>
/// Which questions ask for a heading of the knowledge (answered from its structure) and which only
/// mention one or use the verb (left to the scorer, which answers with a sentence).
/// </summary>
public sealed class HeadingQuestionTests
{
    [Theory]
    [InlineData("What is the section about the director called?", HeadingTarget.Section, "director")]
    [InlineData("which section title is about kim's religion?", HeadingTarget.Section, "kim's religion")]
    [InlineData("Under which heading does the article discuss Gavin's spiritual experience?", HeadingTarget.Section, "gavin's spiritual experience")]
    [InlineData("the part of the article abt kim's religion, whats that section called lol", HeadingTarget.Section, "kim's religion")]
    [InlineData("What is the headline of the article?", HeadingTarget.Title, "")]
    [InlineData("article headline", HeadingTarget.Title, "")]
    [InlineData("what is this article called?", HeadingTarget.Title, "")]
    [InlineData("Which heading opens the piece?", HeadingTarget.First, "")]
    [InlineData("What is the article's final section called?", HeadingTarget.Last, "")]
    public void A_question_asking_for_a_heading_is_read_with_what_it_is_about(string question, HeadingTarget target, string topic)
    {
        var ask = HeadingQuestion.Read(question);

        Assert.NotNull(ask);
        Assert.Equal(target, ask.Target);
        Assert.Equal(topic, ask.Topic);
    }

    [Theory]
    [InlineData("the 'spiritual twist' heading — what's the twist about?")]
    [InlineData("How does the 'Great Escape' section introduce the Roh family's prospects in North Korea?")]
    [InlineData("What struggle does the closing section say lies at the heart of the film?")]
    [InlineData("which border were they heading for?")]
    [InlineData("were they heading back towards the north korean border??")]
    [InlineData("What's the title of the documentary?")]
    [InlineData("Who directed Beyond Utopia?")]
    public void A_question_that_mentions_a_heading_or_heads_somewhere_is_not_one(string question)
    {
        Assert.Null(HeadingQuestion.Read(question));
    }
}
