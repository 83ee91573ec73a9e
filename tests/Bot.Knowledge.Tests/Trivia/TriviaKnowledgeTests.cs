using Bot.Knowledge.Tests.Summaries;
using Bot.Knowledge.Tests.Support;
using Bot.Knowledge.Trivia;

namespace Bot.Knowledge.Tests.Trivia;

/// <summary>Trivia over knowledge that changes, restarts, or has too little in it.</summary>
public class TriviaKnowledgeTests
{
    /// <summary>The data folder's key, as the bot keeps it across restarts.</summary>
    private static StateKey KeyOf(KnowledgeWorkspace workspace) => StateKey.LoadOrCreate(workspace.DataFolder);

    private static (KnowledgeWorkspace Workspace, OpenKnowledge Knowledge, TriviaGenerator Trivia) Open(params (string Path, string Text)[] articles)
    {
        var workspace = new KnowledgeWorkspace();
        foreach (var (path, text) in articles)
            workspace.Write(path, text);
        var knowledge = workspace.Open();
        knowledge.Sync();
        return (workspace, knowledge, new TriviaGenerator(knowledge.Store, KeyOf(workspace)));
    }

    [Fact]
    public void An_id_restores_after_a_restart_without_any_saved_state()
    {
        var (workspace, knowledge, trivia) = Open(("expedition.md", InventedKnowledge.Expedition));
        using (workspace)
        {
            var questions = Enumerable.Range(0, 30).Select(s => trivia.Generate(s)!).ToArray();
            knowledge.Dispose();

            var reopened = workspace.Open();
            reopened.Sync();
            var restarted = new TriviaGenerator(reopened.Store, KeyOf(workspace));
            foreach (var question in questions)
            {
                Assert.True(restarted.TryRestore(question.Id, out var restored));
                TriviaAssert.Same(question, restored);
            }
        }
    }

    [Fact]
    public void An_id_is_rejected_once_its_sentence_has_changed()
    {
        var (workspace, knowledge, trivia) = Open(("expedition.md", InventedKnowledge.Expedition));
        using (workspace)
        {
            var question = trivia.Generate(5, TriviaKind.Organization)!;
            Assert.Contains("Calloway Mission", InventedKnowledge.Expedition);

            var edited = InventedKnowledge.Expedition.Replace(question.Source.Text, question.Source.Text.Replace(" the ", " a "), StringComparison.Ordinal);
            Assert.NotEqual(InventedKnowledge.Expedition, edited);
            workspace.Write("expedition.md", edited);
            knowledge.Sync();

            Assert.False(trivia.TryRestore(question.Id, out _));
        }
    }

    [Fact]
    public void An_id_is_rejected_once_its_article_is_gone()
    {
        var (workspace, knowledge, trivia) = Open(("expedition.md", InventedKnowledge.Expedition), ("lighthouse.md", InventedKnowledge.Lighthouse));
        using (workspace)
        {
            var question = Enumerable.Range(0, 100).Select(s => trivia.Generate(s)!).First(q => q.Source.Passage.Path == "lighthouse.md");
            workspace.Delete("lighthouse.md");
            knowledge.Sync();

            Assert.False(trivia.TryRestore(question.Id, out _));
        }
    }

    [Fact]
    public void Knowledge_without_names_or_numbers_has_no_trivia()
    {
        var (workspace, _, trivia) = Open(("prose.md", """
            # Notes

            the river is wide and slow in the summer and fast in the spring when the snow melts.
            people come to the banks to watch the water and to talk about the weather and the boats.
            """));
        using (workspace)
        {
            Assert.Null(trivia.Generate(1));
            Assert.Empty(trivia.AvailableKinds());
        }
    }

    [Fact]
    public void Empty_knowledge_has_no_trivia()
    {
        var (workspace, _, trivia) = Open();
        using (workspace)
        {
            Assert.Null(trivia.Generate(1));
            Assert.False(trivia.TryRestore("00000000.0.0.0.0.000000", out _));
        }
    }

    [Fact]
    public void Three_places_are_too_few_for_a_place_question()
    {
        var (workspace, _, trivia) = Open(("towns.md", """
            # Towns

            The old road runs from the coast through Tessaly to the hills.
            Most travellers stop for the night in Orvan before the climb.
            The last village before the pass is near Halden, high above the valley.
            """));
        using (workspace)
        {
            Assert.Null(trivia.Generate(1));
            Assert.Null(trivia.Generate(1, TriviaKind.Place));
        }
    }

    [Fact]
    public void Four_places_make_a_place_question()
    {
        var (workspace, _, trivia) = Open(("towns.md", """
            # Towns

            The old road runs from the coast through Tessaly to the hills.
            Most travellers stop for the night in Orvan before the climb.
            The last village before the pass is near Halden, high above the valley.
            Pilgrims walk the final stretch to a shrine in Morrow every spring.
            """));
        using (workspace)
        {
            var question = trivia.Generate(1)!;
            Assert.Equal(TriviaKind.Place, question.Kind);
            Assert.Equal(["Halden", "Morrow", "Orvan", "Tessaly"], question.Options.Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("The old bridge over the river holds exactly 1,500 iron rivets in its span.", "1,500")]
    [InlineData("The old bridge over the river holds exactly 24 iron rivets in its span.", "24")]
    [InlineData("The old bridge over the river carries traffic 3.5 metres above the water.", "3.5")]
    [InlineData("The old bridge over the river was finished in 1931 by a local firm.", "1931")]
    public void A_lone_number_gets_variations_of_itself(string sentence, string answer)
    {
        var (workspace, _, trivia) = Open(("bridge.md", $"# Bridge\n\n{sentence}\n"));
        using (workspace)
        {
            var texts = new HashSet<string>();
            for (var seed = 0; seed < 100; seed++)
            {
                var question = trivia.Generate(seed)!;
                Assert.Equal(answer, question.Answer);
                TriviaAssert.WellFormed(question, trivia, Summaries.KnowledgeText.Collapse(sentence));
                texts.UnionWith(question.Options);
            }

            Assert.True(texts.Count >= 6, string.Join(", ", texts));
        }
    }

    [Fact]
    public void A_sentence_that_names_its_answer_twice_is_not_asked_about_it()
    {
        var (workspace, _, trivia) = Open(("towns.md", """
            # Towns

            The ferry leaves Tessaly at dawn and is back in Tessaly by dusk.
            Most travellers stop for the night in Orvan before the climb.
            The last village before the pass is near Halden, high above the valley.
            Pilgrims walk the final stretch to a shrine in Morrow every spring.
            A small museum in Quarry Bay keeps the old ferry bell.
            """));
        using (workspace)
        {
            for (var seed = 0; seed < 200; seed++)
            {
                var question = trivia.Generate(seed)!;
                Assert.False(question.Answer == "Tessaly" && question.Source.Text.Contains("ferry leaves"));
                Assert.False(TriviaAssert.Mentions(question.Text, question.Answer));
            }
        }
    }
}
