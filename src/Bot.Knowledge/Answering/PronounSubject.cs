using System.Text.RegularExpressions;

namespace Bot.Knowledge.Answering;

/// <summary>
/// An answer that opens with "He", "She" or "They" says who only in the sentence before it:
/// "She met Pastor Kim in 2019 …" is about "the director, Madeleine Gavin". Given alone, the
/// answer names that subject after the sentence: "She met Pastor Kim in 2019 … (She: Madeleine
/// Gavin)". The sentence itself stays word for word as the knowledge has it, so a member can
/// quote it or search for it ("He’s a Presbyterian pastor" broken up as "He [Pastor Kim]’s" could
/// be neither). The subject is the first name in the unit before (a run of capitalised words, not
/// the sentence's first word), or for "they" a group named after one ("the Roh family"), or in
/// the unit before that when the one between only refers to the same subject again ("To him, …").
/// Nothing is added when no such name is there. A name the document gives more fully elsewhere is shown
/// in that form (<see cref="FullNames"/>): "(He: Pastor Seungeun Kim)", not "(He: Pastor Kim)".
/// </summary>
internal static partial class PronounSubject
{
    /// <param name="passage">The unit's passage.</param>
    /// <param name="index">The unit shown, among the passage's <see cref="AnalyzedPassage.Units"/>.</param>
    /// <param name="names">The fullest form of each document's names, or null to show names as the units before have them.</param>
    /// <param name="path">The document of <paramref name="passage"/>, where <paramref name="names"/> are looked up.</param>
    public static string Resolve(AnalyzedPassage passage, int index, FullNames? names = null, string path = "")
    {
        var units = passage.Units;
        var unit = units[index];
        var m = Leading().Match(unit.Text);
        if (!m.Success)
            return unit.Text;
        var pronoun = m.Groups["pronoun"].Value;
        var plural = pronoun.Equals("they", StringComparison.OrdinalIgnoreCase);
        var references = References[pronoun.ToLowerInvariant()];
        // "So, there's this Pastor, Seungeun Kim … To him, it's just another day at the office. He runs
        // Caleb Mission …": a unit before that names nobody but speaks of the same "him" carries the
        // reference on, so the subject is sought one unit further back; one that does not ends the search.
        for (var before = index - 1; before >= 0 && before >= index - 1 - MaxCarried; before--)
        {
            // Sentence by sentence: a unit may join a fragment to its neighbour ("Meet Pastor Kim. So, …"),
            // and a name does not run on across a full stop.
            var subject = passage.Sentences
                .Where(sentence => units[before].Span.Contains(sentence.Span))
                .Select(sentence => Subject(sentence, plural))
                .FirstOrDefault(found => found is not null);
            if (subject is not null)
            {
                if (!plural && names is not null) // a group ("the Roh family") is named as it is
                    subject = names.Of(path, subject);
                return unit.Text.Contains(subject, StringComparison.Ordinal) ? unit.Text : $"{unit.Text} ({pronoun}: {subject})";
            }

            if (!units[before].Words.Any(w => references.Contains(w.Lower)))
                break;
        }

        return unit.Text;
    }

    /// <summary>How many units naming nobody a reference is carried through.</summary>
    private const int MaxCarried = 1;

    /// <summary>The words by which a unit refers again to the subject of a leading pronoun.</summary>
    private static readonly Dictionary<string, HashSet<string>> References = new(StringComparer.Ordinal)
    {
        ["he"] = new(StringComparer.Ordinal) { "he", "him", "his", "himself" },
        ["she"] = new(StringComparer.Ordinal) { "she", "her", "hers", "herself" },
        ["they"] = new(StringComparer.Ordinal) { "they", "them", "their", "theirs", "themselves" },
    };

    private static string? Subject(AnalyzedSentence previous, bool plural)
    {
        var words = previous.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (!IsName(words[i]) || (words[i].SentenceInitial && !(i + 1 < words.Count && IsName(words[i + 1]))))
                continue;
            if (words[i].SentenceInitial)
                i++; // "Meet Pastor Kim": the verb opening the sentence is not part of the name
            var end = i;
            while (end + 1 < words.Count && IsName(words[end + 1]))
                end++;
            var name = string.Join(' ', words.Skip(i).Take(end - i + 1).Select(w => w.Text));
            // "the Roh family": a group is named by the word after the name.
            var group = i > 0 && words[i - 1].Lower == "the" && end + 1 < words.Count && !words[end + 1].Capitalized && words[end + 1].Term is not null
                ? $"the {name} {words[end + 1].Text}"
                : null;
            if (plural)
            {
                if (group is not null)
                    return group;
                i = end;
                continue;
            }

            return group is null ? name : null;
        }

        return null;
    }

    private static bool IsName(SurfaceWord w) => w.Capitalized && w.Text.Length > 1 && w.Text.All(char.IsLetter);

    [GeneratedRegex(@"^(?<pronoun>He|She|They)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Leading();
}
