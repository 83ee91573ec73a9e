using Bot.Knowledge.Summaries;
using Bot.Knowledge.Tests.Support;
using Bot.Knowledge.Topics;
using Bot.Knowledge.Trivia;

namespace Bot.Knowledge.Tests.Topics;

/// <summary>The topics suggested while a member types (<see cref="TopicCatalog"/>): the names trivia asks about, plus tags, sections and titles.</summary>
public class TopicCatalogTests
{
    private const string Crew = """
        ---
        title: The crew
        tags: [river-crossing]
        ---

        # The crew

        ## On board

        The boat was steered by Captain Elena Marsh on the first day.
        Her deputy, Dr. Tomas Okafor, mapped every bend of the river.
        Every evening Okafor compared the maps with the old charts.
        The botanist, Ines Halvorsen, collected plants along the banks of the Halden River.
        The youngest member, Piet Vandermeer, kept the diary every night for the Vandermeer family.
        """;

    [Fact]
    public void Every_name_of_several_words_trivia_finds_is_a_topic()
    {
        using var workspace = new KnowledgeWorkspace();
        workspace.Write("crew.md", Crew);
        var knowledge = workspace.Open();
        knowledge.Sync();
        using var lease = knowledge.Store.Index.Acquire();
        var facts = TriviaFacts.Of(SentenceCorpus.Of(knowledge.Store, lease.Searcher));

        var catalog = TopicCatalog.Of(knowledge.Store.Index.Contents());

        var names = new[] { TriviaKind.Person, TriviaKind.Place, TriviaKind.Organization }.SelectMany(facts.Pool).Select(e => e.Text).ToArray();
        Assert.Contains("Ines Halvorsen", names);
        Assert.All(names.Where(n => n.Contains(' ')), n => Assert.NotNull(catalog.Find(n)));
        Assert.Null(catalog.Find("Okafor")); // a single word named once alone may be a stray capital
        Assert.NotNull(catalog.Find("Dr. Tomas Okafor"));
        Assert.Equal("Vandermeer family", catalog.Find("vandermeer family")?.Name);
        Assert.Equal(TopicKinds.Tag, catalog.Find("river crossing")?.Kinds);
        Assert.Equal(TopicKinds.Section, catalog.Find("on board")?.Kinds);
        Assert.Equal(TopicKinds.Document, catalog.Find("the crew")?.Kinds);
        Assert.Null(catalog.Find("Every")); // opens sentences only
    }
}
