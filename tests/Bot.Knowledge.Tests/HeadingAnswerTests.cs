using Bot.Knowledge.Answering;
using Bot.Knowledge.Tests.Support;

namespace Bot.Knowledge.Tests;

/// <summary>
/// "What is the section about … called?" is answered with the heading, shown with the passage it
/// heads, in every mode, from whatever article the knowledge holds; a section the knowledge does
/// not have is not made up. The scorer chooses among sentences and could never give a heading.
/// </summary>
public sealed class HeadingAnswerTests : IDisposable
{
    private const string Article = """
        ---
        title: Keepers of the Northern Light
        source: https://example.org/lighthouse
        ---

        # Keepers of the Northern Light

        The lighthouse on Skerry Point has guided fishing boats since 1871.

        ## Life on the Rock

        Three keepers lived on the island in turns of six weeks, baking their own bread and mending the lamp.

        ## The Great Storm

        In the winter of 1902 a storm tore the lantern glass away, and the keepers kept a paraffin lamp burning by hand for nine nights.

        ## Automation and After

        The light was automated in 1987 and the cottages became a small museum.
        """;

    private readonly KnowledgeWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("What is the section about the storm called?", "The Great Storm", "lantern glass")]
    [InlineData("which heading covers how the keepers lived on the island?", "Life on the Rock", "baking their own bread")]
    [InlineData("what's the article headline?", "Keepers of the Northern Light", "Skerry Point")]
    [InlineData("What is the last section called?", "Automation and After", "automated in 1987")]
    public void A_question_asking_for_a_heading_is_answered_with_it_and_the_passage_it_heads(string question, string heading, string passage)
    {
        _workspace.Write("lighthouse.md", Article);
        using var knowledge = _workspace.Open(embedder: SentenceModel.Shared);
        knowledge.Sync();

        foreach (var mode in new[] { RetrievalMode.Hybrid, RetrievalMode.Lexical })
        {
            var answer = knowledge.Ask(question, mode);

            Assert.True(answer.Answered, $"{mode}: not answered");
            Assert.Equal(heading, answer.Sentence);
            Assert.Contains(passage, answer.Passages[0].Passage.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_section_the_article_does_not_have_is_not_made_up()
    {
        _workspace.Write("lighthouse.md", Article);
        using var knowledge = _workspace.Open(embedder: SentenceModel.Shared);
        knowledge.Sync();

        var answer = knowledge.Ask("What is the section about the keepers' wages called?", RetrievalMode.Hybrid);

        Assert.False(answer.Answered, $"answered with '{answer.Sentence}'");
    }
}
