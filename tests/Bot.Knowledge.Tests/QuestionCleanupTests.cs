using Bot.Knowledge.Search;

namespace Bot.Knowledge.Tests;

/// <summary>Chat messages read as the question they ask.</summary>
public sealed class QuestionCleanupTests
{
    [Theory]
    [InlineData("hey bot quick one: how many people pastor kim helped escape in total?", "how many people pastor kim helped escape in total?")]
    [InlineData("i just watched it and was confused. why family still say nice things about kim jong un in safe house?", "why family still say nice things about kim jong un in safe house?")]
    [InlineData("did beyond utopia win oscar? my friend say yes", "did beyond utopia win oscar?")]
    [InlineData("why does he even risk it, whats his motivation fr", "why does he even risk it, what is his motivation")]
    [InlineData("how many ppl has he saved no cap 😳", "how many people has he saved")]
    [InlineData("where were they tryna get to 🗺️", "where were they trying to get to")]
    [InlineData("yo where did gavin n kim first link up", "where did gavin and kim first link up")]
    [InlineData("how long has the pastor been doin' this", "how long has the pastor been doing this")]
    [InlineData("they talk good about the leader even after they run away. why?", "they talk good about the leader even after they run away. why?")]
    [InlineData("Hi everyone, I teach English in Korea. The article says it reminds us of two things. Which?", "The article says it reminds us of two things. Which?")]
    [InlineData("great doc. who directed it? why?", "who directed it? why?")]
    public void Chat_is_read_as_its_question(string message, string question)
    {
        Assert.Equal(question, QuestionCleanup.Clean(message));
    }

    [Theory]
    [InlineData("Who directed Beyond Utopia?")]
    [InlineData("What is the name of the pastor's mission?")]
    [InlineData("Isn't Kim forcing Christianity on the people he rescues?")]
    public void A_plain_question_is_left_as_it_is(string question)
    {
        Assert.Equal(question, QuestionCleanup.Clean(question));
    }

    [Theory]
    [InlineData("lol")]
    [InlineData("🎃🎃")]
    public void A_message_of_only_filler_keeps_its_words(string message)
    {
        Assert.Equal(message, QuestionCleanup.Clean(message));
    }
}
