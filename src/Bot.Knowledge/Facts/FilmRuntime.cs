using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Knowledge.Answering;
using Bot.Knowledge.Documents;
using Bot.Knowledge.Text;

namespace Bot.Knowledge.Facts;

/// <summary>
/// The film's running time, when the knowledge states it: a sentence that speaks of its runtime
/// (running time, runs, long, length, duration) and gives minutes ("96 minutes", "96-minute") or
/// hours and minutes ("1 h 36 min", "1 hour and 36 minutes"). Between 30 minutes and 5 hours,
/// or it is not taken for the film's.
/// </summary>
public static partial class FilmRuntime
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(5);

    /// <summary>The running time the knowledge states, with the passage saying so; null when it states none.</summary>
    /// <param name="search">The knowledge's search: the passages that best match a few words, best first.</param>
    public static (TimeSpan Length, Passage Source)? Find(Func<string, int, IReadOnlyList<PassageHit>> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        foreach (var hit in search("running time runtime minutes long length duration", 10))
        {
            foreach (var span in SentenceSplitter.Spans(hit.Passage.Text))
            {
                var sentence = hit.Passage.Text.Substring(span.Start, span.Length);
                if (Read(sentence) is { } length)
                    return (length, hit.Passage);
            }
        }

        return null;
    }

    /// <summary>The running time one sentence states; null when it states none.</summary>
    public static TimeSpan? Read(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (!Topic().IsMatch(sentence))
            return null;
        TimeSpan? length = null;
        if (HoursAndMinutes().Match(sentence) is { Success: true } hm)
        {
            length = TimeSpan.FromHours(int.Parse(hm.Groups["h"].Value, CultureInfo.InvariantCulture))
                     + TimeSpan.FromMinutes(hm.Groups["m"].Success ? int.Parse(hm.Groups["m"].Value, CultureInfo.InvariantCulture) : 0);
        }
        else if (Minutes().Match(sentence) is { Success: true } m)
        {
            length = TimeSpan.FromMinutes(int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture));
        }

        return length is { } l && l >= Shortest && l <= Longest ? l : null;
    }

    [GeneratedRegex(@"\b(running[- ]time|run[- ]?time|runs|long|length|duration|lasts)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Topic();

    [GeneratedRegex(@"\b(?<h>[1-5])\s*(?:h|hrs?|hours?)\b(?:\s*(?:and\s*)?(?<m>[0-5]?\d)\s*(?:m|mins?|minutes?)\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HoursAndMinutes();

    [GeneratedRegex(@"\b(?<m>\d{2,3})[- ]?(?:minutes?|mins?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Minutes();
}
