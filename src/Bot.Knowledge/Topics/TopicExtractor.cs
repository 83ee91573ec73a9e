using Bot.Knowledge.Indexing;
using Bot.Knowledge.Mentions;
using Bot.Knowledge.Text;

namespace Bot.Knowledge.Topics;

/// <summary>
/// Finds the topics of the knowledge from its text alone: the names <see cref="NameFinder"/> finds
/// (the same names trivia asks about), a name followed by "family" as "X family" ("the Roh family"
/// gives "Roh family"), plus front-matter tags, section headings and document titles. Headings and
/// titles are topics whole, not searched for names: their words are capitalised by style.
/// </summary>
internal static class TopicExtractor
{
    /// <summary>Longer capitalised runs are title-cased phrases rather than names.</summary>
    private const int MaxNameWords = 6;

    /// <summary>A single capitalised word is a topic only when the knowledge names it this often.</summary>
    private const int MinSingleWordCount = 2;

    public static TopicCatalog Extract(IndexContents contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var sentences = new List<string>();
        foreach (var passage in contents.Documents.SelectMany(d => d.Passages))
        {
            foreach (var span in SentenceSplitter.Spans(passage.Text))
                sentences.Add(passage.Text.Substring(span.Start, span.Length));
        }

        var evidence = NameEvidence.Of(sentences);
        var topics = new TopicTally();
        var singles = new TopicTally();
        foreach (var sentence in sentences)
        {
            foreach (var run in NameFinder.Names(sentence, evidence))
                Collect(run, topics, singles);
        }

        foreach (var (key, entry) in singles.Entries)
        {
            if (entry.Count >= MinSingleWordCount)
                topics.Add(key, entry);
        }

        foreach (var document in contents.Documents)
        {
            foreach (var tag in document.Tags)
                topics.Record(tag.Replace('-', ' ').Replace('_', ' ').Trim(), TopicKinds.Tag);
            topics.Record(document.Title, TopicKinds.Document);
            foreach (var section in document.Passages.Select(p => p.Section).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal))
                topics.Record(section, TopicKinds.Section);
        }

        return new TopicCatalog(contents.Version, topics.ToTopics());
    }

    /// <summary>A name of several words is a topic at once; a single word waits to be counted (a name said once may be a stray capital).</summary>
    private static void Collect(NameRun run, TopicTally topics, TopicTally singles)
    {
        if (run.WordCount > MaxNameWords)
            return;
        var name = string.Join(' ', run.Text.Split([' ', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
        if (run.Kin is { } kin)
            topics.Record(name + " " + kin, TopicKinds.Name);
        else if (run.WordCount > 1)
            topics.Record(name, TopicKinds.Name);
        else
            singles.Record(name, TopicKinds.Name);
    }
}
