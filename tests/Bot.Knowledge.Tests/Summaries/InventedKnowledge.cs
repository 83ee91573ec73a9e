using Bot.Knowledge.Summaries;
using Bot.Knowledge.Tests.Support;
using Bot.Knowledge.Trivia;

namespace Bot.Knowledge.Tests.Summaries;

/// <summary>
/// Two invented articles that share nothing with the film, written to prove that summaries and
/// trivia work for whatever a moderator adds: people with titles and in apposition, families,
/// places, organisations, numbers and years, one sentence that both articles hold word for
/// word, and one that the second says again in other order.
/// </summary>
internal static class InventedKnowledge
{
    public const string Expedition = """
        ---
        title: The Sorrel River Expedition
        source: Invented for tests
        tags: [expedition]
        ---

        # The Sorrel River Expedition

        ## The Crew

        The expedition was led by Captain Elena Castell, a veteran navigator from Port Amberly. Her deputy, Dr. Tomas Okafor, mapped every bend of the river with a hand compass. The botanist, Ines Halvorsen, collected 312 plant specimens along the banks. The youngest member, Piet Vandermeer, kept the expedition diary and cooked for the crew.

        ## Sponsors

        The Amberly Geographic Society paid for the boats in 1987. The River Heritage Foundation later bought the diary for its archive. Supplies came from the Northern Survey Institute and the Calloway Mission, which also lent two guides. The Ministry of Waterways issued the permits after a delay of 11 weeks.

        ## The Route

        The crew set off from Port Amberly and paddled through the Halden Valley for 42 days. They camped near Kestrel Lake, where Okafor measured a depth of 96 metres. Beyond the lake the river runs between Tessaly and Orvan, two small market towns. The last stretch crossed the Ferro Gorge before reaching the sea at Calloway Bay. The river freezes over for three months every winter.

        ## Families on the River

        The Varga family ferried the crew across the rapids below Tessaly. In Orvan the Lindqvist family sheltered them during a week of storms. The Okoro family sold them dried fish, and the Brandt family repaired a broken hull in 1988.

        ## Afterwards

        Castell returned to the river in 1994 with a smaller crew of 7 paddlers. Halvorsen published her catalogue of river plants in 2003. The expedition covered 1,240 kilometres in total, a record that stood until 2011.
        """;

    public const string Lighthouse = """
        ---
        title: The Grey Heron Lighthouse
        source: Invented for tests
        ---

        # The Grey Heron Lighthouse

        The lighthouse stands on a granite shelf at the mouth of Calloway Bay. It was built in 1871 by the harbour board of Port Amberly and first lit on a winter night in 1872. Its lamp can be seen from 18 nautical miles away in clear weather.

        ## Keepers

        The first keeper, Agnes Thorne, kept the light burning for 31 years. Her nephew, Walter Pryce, took over in 1903 and wrote the station log in a neat copperplate hand. The last resident keeper, Moira Quist, left the tower in 1986 when the lamp was automated.

        ## Storms

        A storm in 1913 tore away the iron gallery and flooded the oil store. The keepers rebuilt the gallery with timber brought by boat from Tessaly. The expedition crew sheltered at the lighthouse for two nights on their way to the sea. The river freezes over for three months every winter. In total the expedition covered 1,240 kilometres, a record that stood until 2011.
        """;

    /// <summary>Said word for word in both articles.</summary>
    public const string SharedSentence = "The river freezes over for three months every winter.";

    /// <summary>The same fact twice, in other order: a summary must not hold both.</summary>
    public static readonly string[] NearDuplicates =
    [
        "The expedition covered 1,240 kilometres in total, a record that stood until 2011.",
        "In total the expedition covered 1,240 kilometres, a record that stood until 2011.",
    ];

    /// <summary>What each name of the articles is, as a reader would say.</summary>
    public static readonly IReadOnlyDictionary<TriviaKind, string[]> Names = new Dictionary<TriviaKind, string[]>
    {
        [TriviaKind.Person] =
        [
            "Captain Elena Castell", "Dr. Tomas Okafor", "Ines Halvorsen", "Piet Vandermeer", "Okafor", "Castell", "Halvorsen",
            "Agnes Thorne", "Walter Pryce", "Moira Quist",
        ],
        [TriviaKind.Family] = ["Varga", "Lindqvist", "Okoro", "Brandt"],
        [TriviaKind.Place] = ["Port Amberly", "Halden Valley", "Kestrel Lake", "Tessaly", "Orvan", "Ferro Gorge", "Calloway Bay"],
        [TriviaKind.Organization] =
        [
            "Amberly Geographic Society", "River Heritage Foundation", "Northern Survey Institute", "Calloway Mission", "Ministry of Waterways",
        ],
    };
}

/// <summary>A knowledge folder indexed on disk, with the summarizer and trivia generator over it.</summary>
public abstract class KnowledgeFolderFixture : IDisposable
{
    private readonly KnowledgeWorkspace _workspace;
    private readonly OpenKnowledge _knowledge;

    private protected KnowledgeFolderFixture(bool shipped, params (string Path, string Text)[] articles)
    {
        _workspace = new KnowledgeWorkspace(withShippedKnowledge: shipped);
        foreach (var (path, text) in articles)
            _workspace.Write(path, text);
        _knowledge = _workspace.Open();
        _knowledge.Sync();
        Summarizer = new Summarizer(_knowledge.Store);
        Trivia = new TriviaGenerator(_knowledge.Store);
        AllText = KnowledgeText.Of(_workspace.KnowledgeFolder);
    }

    public KnowledgeStore Store => _knowledge.Store;

    public Summarizer Summarizer { get; }

    public TriviaGenerator Trivia { get; }

    /// <summary>Every article of the folder with its white space collapsed, for checking that text is the knowledge's own.</summary>
    public string AllText { get; }

    public void Dispose()
    {
        _workspace.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The shipped knowledge folder, copied and indexed on disk.</summary>
public sealed class ShippedKnowledgeFolder() : KnowledgeFolderFixture(shipped: true);

/// <summary>The two invented articles, indexed on disk.</summary>
public sealed class InventedKnowledgeFolder() : KnowledgeFolderFixture(
    shipped: false, ("expedition.md", InventedKnowledge.Expedition), ("lighthouse.md", InventedKnowledge.Lighthouse));

internal static class KnowledgeText
{
    public static string Of(string folder) => string.Join(
        "\n",
        Directory.GetFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => Collapse(File.ReadAllText(f))));

    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
