using Bot.Knowledge.Summaries;
using Bot.Knowledge.Tests.Support;
using Bot.Knowledge.Trivia;

namespace Bot.Knowledge.Tests.Trivia;

/// <summary>How the kind of a name is decided over the whole knowledge (<see cref="TriviaFacts"/>).</summary>
public class NameKindTests
{
    [Fact]
    public void A_name_with_clues_of_two_kinds_is_never_asked_about()
    {
        // "Marsh" ends like a place noun, and "Captain" makes a person: left out, not guessed.
        using var workspace = new KnowledgeWorkspace();
        workspace.Write("crew.md", """
            # Crew

            The boat was steered by Captain Elena Marsh on the first day.
            Her deputy, Dr. Tomas Okafor, mapped every bend of the river.
            The botanist, Ines Halvorsen, collected plants along the banks.
            The youngest member, Piet Vandermeer, kept the diary every night.
            The cook, Anna Lund, baked bread for everyone on board.
            """);
        var knowledge = workspace.Open();
        knowledge.Sync();
        using var lease = knowledge.Store.Index.Acquire();

        var facts = TriviaFacts.Of(SentenceCorpus.Of(knowledge.Store, lease.Searcher));

        Assert.Equal(
            ["Anna Lund", "Dr. Tomas Okafor", "Ines Halvorsen", "Piet Vandermeer"],
            facts.Pool(TriviaKind.Person).Select(e => e.Text).Order(StringComparer.Ordinal));
        Assert.Empty(facts.Pool(TriviaKind.Place));
        Assert.DoesNotContain(facts.Facts, f => f.Answer.Text.Contains("Marsh"));
        Assert.Equal(4, facts.Facts.Count);
    }

    [Fact]
    public void A_name_without_clues_takes_the_kind_of_the_longer_name_it_shortens()
    {
        using var workspace = new KnowledgeWorkspace();
        workspace.Write("crew.md", """
            # Crew

            Her deputy, Dr. Tomas Okafor, mapped every bend of the river.
            Every evening Okafor compared the maps with the old charts.
            """);
        var knowledge = workspace.Open();
        knowledge.Sync();
        using var lease = knowledge.Store.Index.Acquire();

        var facts = TriviaFacts.Of(SentenceCorpus.Of(knowledge.Store, lease.Searcher));

        Assert.Equal(["Dr. Tomas Okafor", "Okafor"], facts.Pool(TriviaKind.Person).Select(e => e.Text));
    }
}
