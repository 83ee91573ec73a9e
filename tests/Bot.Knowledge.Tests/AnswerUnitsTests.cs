using Bot.Knowledge.Text;

namespace Bot.Knowledge.Tests;

/// <summary>What can be given as an answer: sentences, a fragment joined to its neighbour.</summary>
public sealed class AnswerUnitsTests
{
    [Fact]
    public void A_short_sentence_joins_the_one_after_it()
    {
        var units = AnswerUnits.Split("Meet Pastor Kim. He runs Caleb Mission and has helped many defectors. It is hard work for him.");

        Assert.Equal(["Meet Pastor Kim. He runs Caleb Mission and has helped many defectors.", "It is hard work for him."], units);
    }

    [Fact]
    public void A_short_last_sentence_joins_the_one_before_it()
    {
        var units = AnswerUnits.Split("It is a reminder of the unseen struggles of many. This documentary?");

        Assert.Equal(["It is a reminder of the unseen struggles of many. This documentary?"], units);
    }

    [Fact]
    public void Each_unit_is_read_after_the_one_before_it_and_the_first_after_the_heading()
    {
        var contexts = AnswerUnits.Contexts(["He is a pastor who helps people.", "His faith pushes him to help."], "Faith at the Core");

        Assert.Equal(["Faith at the Core He is a pastor who helps people.", "He is a pastor who helps people. His faith pushes him to help."], contexts);
    }
}
