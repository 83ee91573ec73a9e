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

    [Fact]
    public void A_unit_that_says_two_things_has_a_clause_for_each()
    {
        var clauses = AnswerUnits.Clauses("He runs Caleb Mission and has helped more than 1,000 defectors escape from North Korea over the last 24 years.");

        Assert.Equal(["He runs Caleb Mission", "and has helped more than 1,000 defectors escape from North Korea over the last 24 years."], clauses);
    }

    [Fact]
    public void A_one_clause_unit_and_short_fragments_are_not_cut()
    {
        Assert.Empty(AnswerUnits.Clauses("It is hard work for him."));
        // "The director," alone is a fragment: it stays with the name after it.
        Assert.Equal(["The director, Madeleine Gavin,", "known for City of Joy,", "felt it was time."], AnswerUnits.Clauses("The director, Madeleine Gavin, known for City of Joy, felt it was time."));
    }
}
