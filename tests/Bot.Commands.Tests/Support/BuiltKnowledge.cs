using Bot.Knowledge;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Commands.Tests.Support;

/// <summary>A knowledge folder indexed on disk in a temp folder, words only, and the reader commands answer from.</summary>
internal sealed class BuiltKnowledge : IDisposable
{
    private readonly TempFolder _temp = new();

    public BuiltKnowledge(string knowledgeFolder)
    {
        Store = new KnowledgeStore(KnowledgeIndex.Open(_temp.Combine("index")));
        Synchronizer = new KnowledgeSynchronizer(Store, knowledgeFolder, 4 * 1024 * 1024, NullLogger.Instance);
        Synchronizer.Synchronize();
        Reader = new KnowledgeReader(new AnswerEngine(Store), Store);
    }

    public KnowledgeStore Store { get; }

    public KnowledgeSynchronizer Synchronizer { get; }

    public IKnowledgeReader Reader { get; }

    public void Dispose()
    {
        Store.Dispose();
        _temp.Dispose();
    }
}

/// <summary>Knowledge folders written for a test.</summary>
internal static class GeneratedKnowledge
{
    private static readonly string[] FirstNames =
    [
        "Alder", "Bexley", "Corin", "Dalia", "Élodie", "Farrow", "Galen", "Hollis", "Ingrid", "Jovan",
        "Kestrel", "Linnea", "Marlow", "Nadia", "Orrin", "Perrin", "Quilla", "Rowan", "Søren", "Tamsin",
        "Ulric", "Vesna", "Wynne", "Xavi", "Yara", "Zoë", "Anselm", "Brisa", "Cyrus", "Delphine",
        "Emrys", "Fenna", "Gideon", "Halima", "Isolde", "Joaquín", "Katya", "Leander", "Mireille", "Nikolai",
    ];

    private static readonly string[] LastNames =
    [
        "Ashdown", "Blackwood", "Carrow", "Dunmore", "Ellery", "Fairbanks", "Greaves", "Hartwell", "Ironside", "Jessup",
        "Kingsley", "Lockhart", "Montague", "Northcott", "Oakhurst", "Pemberton", "Quayle", "Ravenscroft", "Stroud", "Thackeray",
        "Underhill", "Vance", "Whitlock", "Yardley", "Zelinski",
    ];

    /// <summary>1,000 distinct two-word names (first × last), each named once in the middle of a sentence, over 20 articles.</summary>
    public static IReadOnlyList<string> Names { get; } =
        FirstNames.SelectMany(first => LastNames.Select(last => $"{first} {last}")).ToArray();

    public static void WriteNames(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (chunk, file) in Names.Chunk(50).Select((c, i) => (c, i)))
        {
            var paragraphs = chunk.Select((name, i) => $"In one scene the crew meets {name} at the market, and they talk about the harvest number {file * 50 + i}.");
            File.WriteAllText(
                Path.Combine(folder, $"people-{file:00}.md"),
                $"---\ntitle: People met on the road, part {file + 1}\nsource: generated for a test\n---\n\n# People met on the road, part {file + 1}\n\n{string.Join("\n\n", paragraphs)}\n");
        }
    }

    /// <summary>Articles whose titles and sources are as long as a moderator might make them.</summary>
    public static void WriteArticles(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(
                Path.Combine(folder, $"article-{i:000}.md"),
                $"---\ntitle: Article number {i} about the river crossing and the people who helped along the way\nsource: https://example.org/articles/{i}/{new string('x', 120)}\n---\n\n# Article {i}\n\nThe river was crossed at night, article {i} says.\n\nA second paragraph.\n");
        }
    }
}

/// <summary>Unanswered questions kept in a list, as a test's stand-in for the state store.</summary>
public sealed class RecordingUnansweredQuestions : IUnansweredQuestions
{
    private readonly List<(string Question, string? GuildId)> _recorded = [];

    public IReadOnlyList<(string Question, string? GuildId)> Recorded
    {
        get
        {
            lock (_recorded)
                return _recorded.ToArray();
        }
    }

    public ValueTask RecordAsync(string question, string? guildId, CancellationToken cancellationToken)
    {
        lock (_recorded)
            _recorded.Add((question, guildId));
        return ValueTask.CompletedTask;
    }
}
