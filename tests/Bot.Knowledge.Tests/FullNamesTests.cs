using Bot.Knowledge.Analysis;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Documents;

namespace Bot.Knowledge.Tests;

/// <summary>A pronoun's subject is named as fully as its article names that person anywhere.</summary>
public sealed class FullNamesTests
{
    private static KnowledgeDocument Document(string path, params string[] paragraphs) =>
        new(path, "Meet Pastor Kim", "seed", [], paragraphs.Select((text, i) => new Passage(path, i, "Meet Pastor Kim", "", "seed", text)).ToArray());

    private static readonly KnowledgeDocument Article = Document(
        "a.md",
        "So, there’s this Pastor, Seungeun Kim, who’s out there saving defectors. They were praising Kim Jong Un.",
        "Meet Pastor Kim, it’s all about faith. He’s a Presbyterian pastor who began his journey.");

    [Theory]
    [InlineData("Pastor Kim", "Pastor Seungeun Kim")] // the title kept, the given name from the first paragraph
    [InlineData("Kim", "Seungeun Kim")]
    [InlineData("Seungeun Kim", "Seungeun Kim")] // already full
    [InlineData("Madeleine Gavin", "Madeleine Gavin")] // not in the article
    [InlineData("Jong Un", "Kim Jong Un")]
    public void A_name_takes_the_fullest_form_its_article_gives_it(string name, string fullest)
    {
        Assert.Equal(fullest, new FullNames([Article]).Of("a.md", name));
    }

    [Fact]
    public void Two_people_sharing_a_surname_leave_the_short_name_as_it_is()
    {
        var two = Document("b.md", "Pastor Seungeun Kim met the crew. His colleague Minji Kim drove the van.");

        Assert.Equal("Pastor Kim", new FullNames([two]).Of("b.md", "Pastor Kim"));
    }

    [Fact]
    public void Another_articles_name_is_not_lent()
    {
        var other = Document("b.md", "Meet Pastor Kim, it’s all about faith.");

        Assert.Equal("Pastor Kim", new FullNames([Article, other]).Of("b.md", "Pastor Kim"));
    }

    [Fact]
    public void A_pronoun_led_answer_names_its_subject_in_full()
    {
        var names = new FullNames([Article]);
        var analyzed = AnalyzedPassage.Of(Article.Passages[1].Text, TextAnalysis.CreateIndexAnalyzer());

        Assert.Equal(
            "He’s a Presbyterian pastor who began his journey. (He: Pastor Seungeun Kim)",
            PronounSubject.Resolve(analyzed, 1, names, "a.md"));
    }
}
