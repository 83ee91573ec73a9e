namespace Bot.Testing;

/// <summary>Knowledge folders written for a test.</summary>
public static class GeneratedKnowledge
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
