using Bot.Knowledge.Mentions;

namespace Bot.Knowledge.Tests.Mentions;

/// <summary>What the whole knowledge says about which capitalised words are names (<see cref="NameEvidence"/>), as <see cref="NameFinder"/> reads it.</summary>
public class NameEvidenceTests
{
    private static IReadOnlyList<string> Runs(string sentence, params string[] knowledge) =>
        NameFinder.Names(sentence, NameEvidence.Of([sentence, .. knowledge])).Select(r => r.Text).ToArray();

    [Fact]
    public void A_word_opening_a_sentence_is_a_name_only_when_written_capitalised_elsewhere()
    {
        Assert.Equal(["Kim"], Runs("Kim prays openly before every meal.", "They met Kim at the border."));
        Assert.Empty(Runs("Kim prays openly before every meal.", "They met kim at the border.")); // lower case elsewhere is no evidence
        Assert.Empty(Runs("Meet the crew of the boat.", "They meet at dawn.", "We will meet Kim there."));
    }

    [Fact]
    public void A_word_mostly_written_in_lower_case_is_not_a_name_alone_but_may_be_part_of_one()
    {
        string[] knowledge = ["The mountain was cold.", "They climbed the mountain at dawn.", "The river was wide.", "Their faith was strong.", "Our faith grew.", "Her faith held.", "A brown boat.", "The brown dog."];

        Assert.Empty(Runs("They spoke of Faith every night.", knowledge));
        Assert.Empty(Runs("Faith kept them going.", ["It was a matter of Faith.", .. knowledge])); // capitalised elsewhere, but less often than not
        Assert.Equal(["Changbai Mountain"], Runs("They rested on Changbai Mountain for a week.", knowledge));
        Assert.Equal(["River Heritage Foundation"], Runs("The River Heritage Foundation bought the diary.", knowledge));
        Assert.Equal(["Brown"], Runs("The Brown family sold them fish.", knowledge)); // "X family" is a name whatever X is elsewhere
    }

    [Fact]
    public void A_title_cased_quotation_names_a_work()
    {
        var run = Assert.Single(NameFinder.Names("She is known for “City of Joy,” a film about women.", NameEvidence.Of(["She is known for “City of Joy,” a film about women."])));

        Assert.Equal("City of Joy", run.Text);
        Assert.True(run.Cues.HasFlag(Cues.Quoted)); // a name to suggest, not a fact to ask about
    }

    [Fact]
    public void Names_are_joined_by_one_space_not_by_the_spaces_that_align_columns()
    {
        Assert.Equal(["Apple TV"], Runs("It is now on Apple TV for everyone."));
        Assert.Equal(["State", "Bot"], Runs("See the State   Bot diagram."));
        Assert.Equal("north korea", Assert.Single(NameFinder.Names("They fled North\u00A0Korea at night.", NameEvidence.None)).Key);
    }
}
