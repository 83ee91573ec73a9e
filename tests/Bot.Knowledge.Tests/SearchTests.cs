using Bot.Knowledge.Tests.Support;

namespace Bot.Knowledge.Tests;

/// <summary><see cref="Answering.AnswerEngine.Search"/>: passages for a few words, without the question answering's abstention.</summary>
public sealed class SearchTests(ShippedKnowledgeFixture knowledge) : IClassFixture<ShippedKnowledgeFixture>
{
    [Fact]
    public void Search_finds_passages_with_the_words_and_marks_where_they_are()
    {
        var hits = knowledge.Engine.Search("director");

        Assert.NotEmpty(hits);
        var best = hits[0];
        Assert.Contains("director", best.Passage.Text, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(best.Matches);
        Assert.All(best.Matches, m => Assert.Equal("director", best.Passage.Text.Substring(m.Start, m.Length), ignoreCase: true));
        Assert.Null(best.AnswerSpan);
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Passage.Id), hits.Select(h => h.Passage.Id));
    }

    [Fact]
    public void Search_returns_passages_the_question_path_would_abstain_on()
    {
        // One known word among unknown ones: too little of a question to answer, enough for a search.
        const string query = "jungle weather forecast tomorrow";

        Assert.False(knowledge.Ask(query).Answered);
        var hits = knowledge.Engine.Search(query);
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Contains("jungle", h.Passage.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Search_gives_at_most_count_passages_each_once()
    {
        var hits = knowledge.Engine.Search("Pastor Kim family director faith", count: 3);

        Assert.Equal(3, hits.Count);
        Assert.Equal(3, hits.Select(h => h.Passage.Id).Distinct().Count());
        Assert.True(knowledge.Engine.Search("Pastor Kim family director faith", count: 100).Count > 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("sourdough kubernetes")]
    [InlineData("the and of")]
    public void Search_without_a_known_word_finds_nothing(string query)
    {
        Assert.Empty(knowledge.Engine.Search(query));
    }

    [Fact]
    public void Search_count_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => knowledge.Engine.Search("director", 0));
    }
}
