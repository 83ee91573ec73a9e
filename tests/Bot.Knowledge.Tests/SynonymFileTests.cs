using Bot.Knowledge.Analysis;
using Bot.Knowledge.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Tests;

/// <summary>A moderator's synonyms.txt: one bad line costs that line only, and edits apply on the next sync.</summary>
public sealed class SynonymFileTests : IDisposable
{
    private const string RaftArticle = "raft.md";
    private const string Question = "Tell me about the vessel";

    private readonly KnowledgeWorkspace _workspace = new();

    public SynonymFileTests()
    {
        _workspace.Write(RaftArticle, Markdown.Article(
            "The river crossing",
            "The Roh family crossed the Mekong river on a bamboo raft at dawn.",
            "Pastor Kim prayed with the family before the crossing."));
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Shipped_synonym_file_has_no_bad_lines()
    {
        var synonyms = SynonymFile.Load(TestPaths.ShippedKnowledge);

        Assert.Empty(synonyms.Problems);
        Assert.NotNull(synonyms.Map);
    }

    [Fact]
    public void A_line_of_only_stop_words_is_reported_with_its_number_and_the_others_still_parse()
    {
        var synonyms = SynonymFile.Parse("# comment\n\nvessel, raft\nthe, a\nboat, canoe\n");

        var problem = Assert.Single(synonyms.Problems);
        Assert.StartsWith("line 4:", problem);
        Assert.NotNull(synonyms.Map);
    }

    [Fact]
    public void A_file_of_only_comments_and_blank_lines_has_no_synonyms_and_no_problems()
    {
        var synonyms = SynonymFile.Parse("# nothing yet\n\n   \n# still nothing\n");

        Assert.Empty(synonyms.Problems);
        Assert.Null(synonyms.Map);
    }

    [Fact]
    public void Without_a_synonym_the_question_in_other_words_is_not_answered()
    {
        using var knowledge = _workspace.Open();
        knowledge.Sync();

        Assert.False(knowledge.Ask(Question).Answered);
    }

    [Fact]
    public void A_bad_line_in_synonyms_txt_is_logged_and_the_other_lines_still_apply()
    {
        _workspace.Write("synonyms.txt", "# moderator's list\nthe, a\nvessel, raft\n");
        using var knowledge = _workspace.Open();

        knowledge.Sync();
        var answer = knowledge.Ask(Question);

        Assert.True(answer.Answered);
        Assert.Contains("bamboo raft", answer.Sentence);
        var warning = Assert.Single(_workspace.Log.AtLeast(LogLevel.Warning));
        Assert.Contains("synonyms.txt", warning.Message);
        Assert.Contains("line 2", warning.Message);
    }

    [Fact]
    public void An_edit_to_synonyms_txt_applies_on_the_next_sync()
    {
        _workspace.Write("synonyms.txt", "boat, canoe\n");
        using var knowledge = _workspace.Open();
        knowledge.Sync();
        Assert.False(knowledge.Ask(Question).Answered);

        _workspace.Write("synonyms.txt", "boat, canoe\nvessel, raft\n");
        var report = knowledge.Sync();

        Assert.True(report.SynonymsReloaded);
        Assert.Contains("bamboo raft", knowledge.Ask(Question).Sentence);
    }

    [Fact]
    public void Removing_a_synonym_line_or_the_whole_file_takes_it_away_on_the_next_sync()
    {
        _workspace.Write("synonyms.txt", "boat, canoe\nvessel, raft\n");
        using var knowledge = _workspace.Open();
        knowledge.Sync();
        Assert.True(knowledge.Ask(Question).Answered);

        _workspace.Write("synonyms.txt", "boat, canoe\n");
        Assert.True(knowledge.Sync().SynonymsReloaded);
        Assert.False(knowledge.Ask(Question).Answered);

        _workspace.Write("synonyms.txt", "vessel, raft, boat\n");
        knowledge.Sync();
        Assert.True(knowledge.Ask(Question).Answered);

        _workspace.Delete("synonyms.txt");
        Assert.True(knowledge.Sync().SynonymsReloaded);
        Assert.False(knowledge.Ask(Question).Answered);
    }

    [Fact]
    public void An_unchanged_synonym_file_is_not_reloaded()
    {
        _workspace.Write("synonyms.txt", "vessel, raft\n");
        using var knowledge = _workspace.Open();
        knowledge.Sync();

        var report = knowledge.Sync();

        Assert.False(report.SynonymsReloaded);
        Assert.False(report.Changed);
        Assert.True(knowledge.Ask(Question).Answered);
    }

    [Fact]
    public void A_one_way_synonym_finds_the_target_but_not_the_reverse()
    {
        _workspace.Write(
            "boats.md",
            Markdown.Article("Boats", "The smugglers kept a wooden canoe hidden under the reeds."));
        _workspace.Write("synonyms.txt", "vessel => raft\n");
        using var knowledge = _workspace.Open();
        knowledge.Sync();

        Assert.Contains("bamboo raft", knowledge.Ask(Question).Sentence);
        // "raft" does not find "vessel": the reverse direction was not asked for.
        Assert.DoesNotContain("vessel", AnswerAssert.Texts(knowledge.Ask("Tell me about the raft")));
    }
}
