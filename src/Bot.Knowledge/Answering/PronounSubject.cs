using System.Text.RegularExpressions;

namespace Bot.Knowledge.Answering;

/// <summary>
/// An answer that opens with "He", "She" or "They" says who only in the sentence before it:
/// "She met Pastor Kim in 2019 …" is about "the director, Madeleine Gavin". Given alone, the
/// answer names that subject after the sentence: "She met Pastor Kim in 2019 … (She: Madeleine
/// Gavin)". The sentence itself stays word for word as the knowledge has it, so a member can
/// quote it or search for it ("He’s a Presbyterian pastor" broken up as "He [Pastor Kim]’s" could
/// be neither). The subject is the first name in the unit before (a run of capitalised words, not
/// the sentence's first word), or for "they" a group named after one ("the Roh family"). Nothing
/// is added when no such name is there.
/// </summary>
internal static partial class PronounSubject
{
    public static string Resolve(AnalyzedSentence unit, AnalyzedSentence? previous)
    {
        if (previous is null)
            return unit.Text;
        var m = Leading().Match(unit.Text);
        if (!m.Success)
            return unit.Text;
        var plural = m.Groups["pronoun"].Value.Equals("they", StringComparison.OrdinalIgnoreCase);
        var subject = Subject(previous, plural);
        if (subject is null || unit.Text.Contains(subject, StringComparison.Ordinal))
            return unit.Text;
        return $"{unit.Text} ({m.Groups["pronoun"].Value}: {subject})";
    }

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
