using Bot.Knowledge.Documents;
using Bot.Knowledge.Search;

namespace Bot.Knowledge.Tests;

/// <summary>Misspelt and inflected names are read as the names the knowledge uses; ordinary words are left alone.</summary>
public sealed class NameVariantsTests
{
    private static readonly NameVariants Names = new([
        new Passage("a.md", 0, "Meet Pastor Kim", "Behind the Scenes", "seed",
            "The director, Madeleine Gavin, met Pastor Kim. He runs Caleb Mission. Enter the Roh family, who prayed with him."),
    ]);

    [Theory]
    [InlineData("how many years pastor kimm is doing this", "how many years pastor Kim is doing this")]
    [InlineData("where do the rohs live now", "where do the Roh live now")]
    [InlineData("did Madeline make other films", "did Madeleine make other films")]
    [InlineData("what is caleb misson", "what is caleb Mission")]
    public void A_variant_of_a_knowledge_name_becomes_the_name(string question, string read)
    {
        Assert.Equal(read, Names.Fix(question));
    }

    [Theory]
    [InlineData("did he tell him about it")]
    [InlineData("how much does it cost")]
    [InlineData("is the director religious")]
    public void Ordinary_words_are_not_taken_for_names(string question)
    {
        Assert.Equal(question, Names.Fix(question));
    }

    [Fact]
    public void Without_names_leaves_what_the_question_asks_about_them()
    {
        Assert.Equal("did win an oscar", Names.WithoutNames("did Kim win an oscar"));
        Assert.True(Names.IsNameStem("madelein"));
        Assert.False(Names.IsNameStem("pray"));
    }
}
