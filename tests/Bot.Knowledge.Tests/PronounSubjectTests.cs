using Bot.Knowledge.Analysis;
using Bot.Knowledge.Answering;

namespace Bot.Knowledge.Tests;

/// <summary>An answer opening with he, she or they names who, from the sentence before it, and keeps its own words as written.</summary>
public sealed class PronounSubjectTests
{
    [Theory]
    [InlineData("The director, Madeleine Gavin, known for “City of Joy,” felt it was high time. She met Pastor Kim in 2019 in South Korea.", "She met Pastor Kim in 2019 in South Korea. (She: Madeleine Gavin)")]
    [InlineData("Meet Pastor Kim, it’s all about faith. He’s a Presbyterian pastor who began his journey.", "He’s a Presbyterian pastor who began his journey. (He: Pastor Kim)")]
    [InlineData("Enter the Roh family, facing a grim fate back home. They hightailed it to China and luckily crossed paths.", "They hightailed it to China and luckily crossed paths. (They: the Roh family)")]
    public void A_leading_pronoun_names_the_subject_of_the_sentence_before(string passage, string shown)
    {
        var analyzed = AnalyzedPassage.Of(passage, TextAnalysis.CreateIndexAnalyzer());

        Assert.Equal(shown, PronounSubject.Resolve(analyzed, 1));
    }

    [Fact]
    public void A_sentence_between_that_only_refers_to_the_subject_again_carries_the_reference()
    {
        var analyzed = AnalyzedPassage.Of(
            "Meet Pastor Kim. So, there’s this pastor who’s out there saving defectors. To him, it’s just another day at the office. He runs Caleb Mission and has helped many.",
            TextAnalysis.CreateIndexAnalyzer());
        var runs = analyzed.Units.Count - 1;

        // The name is read sentence by sentence: "Meet Pastor Kim. So, …" names "Pastor Kim", not "Pastor Kim So".
        Assert.Equal("He runs Caleb Mission and has helped many. (He: Pastor Kim)", PronounSubject.Resolve(analyzed, runs));
    }

    [Fact]
    public void A_sentence_between_about_someone_else_ends_the_search()
    {
        var analyzed = AnalyzedPassage.Of(
            "Meet Pastor Kim, who saves defectors in the jungle. The crossing was cold and long for everyone. He runs Caleb Mission and has helped many.",
            TextAnalysis.CreateIndexAnalyzer());

        Assert.Equal("He runs Caleb Mission and has helped many.", PronounSubject.Resolve(analyzed, analyzed.Units.Count - 1));
    }

    [Theory]
    [InlineData("Kim doesn’t push his beliefs on anyone at all. It’s the first time the family heard the words.")] // "it" is not resolved
    [InlineData("the crossing was cold and very long for all. They hightailed it to China and crossed.")] // no name before
    public void Without_a_person_or_a_named_group_the_unit_is_shown_as_written(string passage)
    {
        var analyzed = AnalyzedPassage.Of(passage, TextAnalysis.CreateIndexAnalyzer());

        Assert.Equal(analyzed.Units[1].Text, PronounSubject.Resolve(analyzed, 1));
    }
}
