using System.Text.RegularExpressions;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Indexing;
using Bot.Knowledge.Text;

namespace Bot.Knowledge.Facts;

/// <summary>
/// Where the knowledge says the film can be watched: a sentence that speaks of seeing it (now on,
/// available, streaming, rent, buy, theaters, check out…) and names a place to do so after on, at
/// or via (a capitalised name: "now on Amazon Prime"). The passages a search for watching ranks
/// first are read first, then every other passage, so a sentence that uses none of the searched
/// words is still found. Nothing is inferred: the sentence is shown as written, or nothing.
/// </summary>
public static partial class WhereToWatch
{
    private const string Query = "where to watch stream streaming available rent buy theaters cinema documentary film movie";

    /// <summary>The first such sentence, with its passage; null when the knowledge has none.</summary>
    /// <param name="search">The knowledge's search: the passages that best match a few words, best first.</param>
    /// <param name="contents">Every passage of the knowledge, read after those the search ranks first.</param>
    public static (string Sentence, Passage Passage)? Find(Func<string, int, IReadOnlyList<PassageHit>> search, IndexContents contents)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(contents);
        var ranked = search(Query, 20).Select(hit => hit.Passage);
        var everything = contents.Documents.SelectMany(d => d.Passages);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var passage in ranked.Concat(everything))
        {
            if (!seen.Add(passage.Id))
                continue;
            foreach (var span in SentenceSplitter.Spans(passage.Text))
            {
                var sentence = passage.Text.Substring(span.Start, span.Length).Trim();
                if (Says(sentence))
                    return (sentence, passage);
            }
        }

        return null;
    }

    /// <summary>Whether one sentence says where the film can be seen.</summary>
    public static bool Says(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return Seeing().IsMatch(sentence) && Venue().IsMatch(sentence);
    }

    [GeneratedRegex(@"\b(now (?:on|at|in|streaming)|available|streaming|stream it|rent|buy|theaters|theatres|cinemas?|screening|watch it|check (?:it )?out)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Seeing();

    [GeneratedRegex(@"\b(?:on|at|via)\s+(?:the\s+)?\p{Lu}")]
    private static partial Regex Venue();
}
