using Bot.Knowledge.Mentions;

namespace Bot.Knowledge.Tests.Mentions;

/// <summary>How names are found in a sentence and what is read around them (the heuristics of <see cref="NameFinder"/> and <see cref="NameCues"/>).</summary>
public class NameFinderTests
{
    private static readonly HashSet<string> NoEvidence = [];

    private static NameRun Run(string sentence, string text, IReadOnlySet<string>? midSentence = null) =>
        Assert.Single(NameFinder.Names(sentence, NameEvidence.From(midSentence ?? NoEvidence)), r => r.Text == text);

    private static IReadOnlyList<string> Runs(string sentence, IReadOnlySet<string>? midSentence = null) =>
        NameFinder.Names(sentence, NameEvidence.From(midSentence ?? NoEvidence)).Select(r => r.Text).ToArray();

    [Fact]
    public void A_capitalised_word_opening_the_sentence_is_a_name_only_if_written_so_elsewhere()
    {
        Assert.Equal(["Pastor Kim"], Runs("Meet Pastor Kim, it is all about faith."));
        Assert.Equal(["Kim"], Runs("Kim prays openly before every meal.", new HashSet<string> { "kim" }));
        Assert.Empty(Runs("Kim prays openly before every meal."));
        Assert.Equal(["Pastor Kim"], Runs("Pastor Kim and his crew give hope.")); // a title may open a sentence
    }

    [Fact]
    public void Words_that_merely_open_a_sentence_are_collected_only_from_mid_sentence()
    {
        var capitals = NameEvidence.CapitalisedWords("Meet the director, Madeleine Gavin, and “The River” team.").ToArray();

        Assert.Equal(["madeleine", "gavin", "river"], capitals); // not "Meet", not "The" after a quotation mark
    }

    [Fact]
    public void Titles_and_appositions_mark_people()
    {
        Assert.True(Run("Her deputy, Dr. Tomas Okafor, mapped the river.", "Dr. Tomas Okafor").Cues.HasFlag(Cues.Title));
        Assert.Equal(["tomas", "okafor"], Run("Her deputy, Dr. Tomas Okafor, mapped the river.", "Dr. Tomas Okafor").NameWords);
        Assert.True(Run("The director, Madeleine Gavin, met him.", "Madeleine Gavin").Cues.HasFlag(Cues.Role));
        Assert.True(Run("They met Gavin, the director, in spring.", "Gavin").Cues.HasFlag(Cues.Role));
        Assert.True(Run("After the storm Okafor said the boats were lost.", "Okafor").Cues.HasFlag(Cues.Role));
        Assert.Equal(Cues.None, Run("They met Gavin in spring.", "Gavin").Cues & Cues.Role);
    }

    [Fact]
    public void Place_and_organisation_nouns_and_locatives_mark_places_and_organisations()
    {
        Assert.True(Run("They rested on Changbai Mountain for a week.", "Changbai Mountain").Cues.HasFlag(Cues.PlaceNoun));
        Assert.True(Run("They rested near Lake Orvan for a week.", "Lake Orvan").Cues.HasFlag(Cues.PlaceNoun));
        Assert.True(Run("He runs Caleb Mission with his wife.", "Caleb Mission").Cues.HasFlag(Cues.OrganizationNoun));
        Assert.True(Run("The Ministry of Waterways issued permits.", "Ministry of Waterways").Cues.HasFlag(Cues.OrganizationNoun));
        Assert.True(Run("They walked through the jungle in Laos for days.", "Laos").Cues.HasFlag(Cues.Locative));
        Assert.True(Run("They crossed the Halden Valley at night.", "Halden Valley").Cues.HasFlag(Cues.PlaceNoun));
        Assert.True(Run("A camp in the Ferro Hills was found.", "Ferro Hills").Cues.HasFlag(Cues.Locative));
    }

    [Fact]
    public void Places_listed_after_a_locative_are_places_too()
    {
        const string sentence = "They travelled between Vietnam and Laos, then through Tessaly, Orvan and Morrow.";

        Assert.All(["Vietnam", "Laos", "Tessaly", "Orvan", "Morrow"], place => Assert.True(Run(sentence, place).Cues.HasFlag(Cues.Locative), place));
    }

    [Fact]
    public void Prepositions_that_also_take_people_and_services_are_not_locatives()
    {
        Assert.Equal(Cues.None, Run("The meal meant the world to Kim and his crew.", "Kim").Cues);
        Assert.Equal(Cues.None, Run("The film is now on Amazon Prime for everyone.", "Amazon Prime").Cues);
        Assert.Equal(Cues.None, Run("They learned the songs from Gavin last year.", "Gavin").Cues);
    }

    [Fact]
    public void A_family_name_is_the_word_before_family()
    {
        var run = Run("The Roh family begged for help in a shack.", "Roh");

        Assert.True(run.Cues.HasFlag(Cues.Family));
        Assert.False(run.Cues.HasFlag(Cues.Locative));
    }

    [Fact]
    public void Quoted_titles_and_demonyms_are_not_names()
    {
        Assert.True(Run("She is known for “City of Joy,” a film about women.", "City of Joy", new HashSet<string> { "city" }).Cues.HasFlag(Cues.Quoted));
        Assert.True(Run("She is known for “City of Joy,” a film about women.", "Joy").Cues.HasFlag(Cues.Quoted));
        Assert.True(Run("Beyond Utopia” is not just about rescues.", "Utopia", new HashSet<string> { "utopia" }).Cues.HasFlag(Cues.Quoted));
        Assert.True(Run("They met \"Old Tom\" at the dock.", "Tom").Cues.HasFlag(Cues.Quoted));
        Assert.True(Run("He helps North Korean defectors escape.", "North Korean").Cues.HasFlag(Cues.Adjectival));
        Assert.True(Run("They aimed for the Thai border at night.", "Thai").Cues.HasFlag(Cues.Adjectival));
        Assert.False(Run("They stopped in Orvan before the climb.", "Orvan").Cues.HasFlag(Cues.Adjectival));
    }

    [Fact]
    public void A_possessive_ends_a_name()
    {
        Assert.Equal(["China", "Changbai Mountain"], Runs("They hid in a shack on China’s Changbai Mountain for weeks."));
        Assert.Equal(["Pastor Kim"], Runs("It captures Pastor Kim's rescues in the jungle."));
    }

    [Fact]
    public void Months_weekdays_and_function_words_are_never_names()
    {
        Assert.Empty(Runs("They left in March and came back on a Friday in June."));
        Assert.Empty(Runs("It was, In fact, The end."));
    }
}
