namespace Bot.Tests;

/// <summary>
/// The shipped knowledge plus one article whose answer sentence (657 characters) is far longer than
/// an embed title may be (256): what every transport must cut, at a word, with "…", before Discord sees it.
/// </summary>
internal static class LongAnswerKnowledge
{
    public const string Question = "What happened during the longest night crossing the Mekong river?";

    public const string Sentence =
        "The longest night of the Roh family's escape was the crossing of the Mekong river in a small wooden boat, with the grandmother holding the youngest girl, the brokers whispering to keep everyone quiet, the engine switched off so that the patrols on the Laotian bank would not hear it, the rain soaking every bag they carried, the children too frightened to cry, the boatman steering by the faint light of a village on the far shore, Pastor Kim waiting on the telephone for news of every kilometre, and the whole family praying silently that the current would not carry them back towards the soldiers they had spent weeks avoiding on the way south from China.";

    /// <summary>Writes the knowledge folder under <paramref name="work"/> and returns its path.</summary>
    public static string Create(TempFolder work)
    {
        var folder = work.Combine("long-answer-knowledge");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(TestPaths.ShippedKnowledge))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(folder, "longest-night.md"), $"""
            ---
            title: The Longest Night on the Mekong
            source: Written for the reply-policy tests
            ---

            # The Longest Night on the Mekong

            {Sentence}

            """);
        return folder;
    }

    /// <summary>
    /// Asserts <paramref name="title"/> is the answer sentence as Discord takes it: at most 256
    /// characters, cut between words, with "…".
    /// </summary>
    public static void AssertCutTitle(string title)
    {
        Assert.InRange(title.Length, 200, 256);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
        var kept = title[..^1];
        Assert.StartsWith(kept, Sentence, StringComparison.Ordinal);
        Assert.False(char.IsLetterOrDigit(Sentence[kept.Length]), $"cut inside a word: {title}");
    }
}
