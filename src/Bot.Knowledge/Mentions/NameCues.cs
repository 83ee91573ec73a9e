using System.Text.RegularExpressions;

namespace Bot.Knowledge.Mentions;

/// <summary>
/// What the words of a name and those around it say it names (<see cref="Cues"/>): a title, a
/// place or organisation noun in it, a locative or a role before it, a role, a verb of speech or
/// "family" after it, quotation marks around it. Only clues: which kind a name is gets decided over
/// the whole knowledge by whoever asks (trivia).
/// </summary>
internal static partial class NameCues
{
    public static Cues Describe(
        SentenceTokens tokens, int first, int last, IReadOnlyList<(int Start, int End)> quotations, (NameRun Run, int First, int Last)? previous)
    {
        var cues = Inside(tokens, first, last);
        cues |= After(tokens, last, cues);
        if (Quotations.Inside(quotations, tokens[first].Start))
            cues |= Cues.Quoted;
        cues |= Before(tokens, first, last, cues, previous);
        return cues;
    }

    /// <summary>The run's own words: a title opening it, a place or organisation noun ending it (or opening "X of Y").</summary>
    private static Cues Inside(SentenceTokens tokens, int first, int last)
    {
        var cues = Cues.None;
        var head = tokens[first].Text;
        var tail = tokens[last].Text;
        var hasOf = Enumerable.Range(first, last - first + 1).Any(k => tokens[k].Text == "of");
        var multiWord = last > first;
        if (NameWords.Titles.Contains(head) && multiWord)
            cues |= Cues.Title;
        if ((CueWords.OrganizationNouns.Contains(tail) && multiWord) || (CueWords.OrganizationNouns.Contains(head) && hasOf))
            cues |= Cues.OrganizationNoun;
        if ((CueWords.PlaceNouns.Contains(tail) && multiWord) || (CueWords.PlacePrefixes.Contains(head) && multiWord) || (CueWords.PlaceNouns.Contains(head) && hasOf))
            cues |= Cues.PlaceNoun;
        return cues;
    }

    /// <summary>The words after the run: "family", a demonym's noun ("Korean defectors"), a verb of speech or a role ("Gavin, the director").</summary>
    private static Cues After(SentenceTokens tokens, int last, Cues inside)
    {
        if (last + 1 >= tokens.Count || tokens[last + 1].IsNumber)
            return Cues.None;
        var cues = Cues.None;
        var tail = tokens[last];
        var next = tokens[last + 1];
        var gap = tokens.Gap(last);
        var nextIsLowerWord = SentenceTokens.IsSpace(gap) && char.IsLower(next.Text[0]);
        if (nextIsLowerWord && NameWords.Kin.Contains(next.Text) && !tail.Possessive)
        {
            cues |= Cues.Family;
        }
        else if (nextIsLowerWord && !tail.Possessive && (inside & (Cues.OrganizationNoun | Cues.PlaceNoun)) == 0 && Demonym().IsMatch(tail.Text)
                 && !NameWords.FunctionWords.Contains(next.Text) && !CueWords.SpeechVerbs.Contains(next.Text))
        {
            cues |= Cues.Adjectival; // "Korean defectors", not "Orvan before" or "Jordan said"
        }

        if (nextIsLowerWord && CueWords.SpeechVerbs.Contains(next.Text))
            cues |= Cues.Role;
        if (IsComma(gap) && CueWords.Roles.Contains(next.Text) && char.IsLower(next.Text[0]))
            cues |= Cues.Role;
        if (IsComma(gap) && next.Lower is "the" or "a" or "an" && last + 2 < tokens.Count
            && tokens.JoinsNext(last + 1) && CueWords.Roles.Contains(tokens[last + 2].Text) && char.IsLower(tokens[last + 2].Text[0]))
        {
            cues |= Cues.Role;
        }

        return cues;
    }

    /// <summary>The words before the run: a locative, a locative and "the", a place it is listed with, or a role.</summary>
    private static Cues Before(SentenceTokens tokens, int first, int last, Cues cues, (NameRun Run, int First, int Last)? previous)
    {
        var before = first - 1;
        if (before < 0)
            return Cues.None;
        var found = Cues.None;
        var p = tokens[before];
        var gap = tokens.Gap(before);
        var space = SentenceTokens.IsSpace(gap);
        if (!tokens[last].Possessive && (cues & Cues.Family) == 0)
        {
            if (space && CueWords.Locatives.Contains(p.Text))
            {
                found |= Cues.Locative;
            }
            else if (space && p.Lower is "the" && before >= 1 && tokens.JoinsNext(before - 1) && CueWords.Locatives.Contains(tokens[before - 1].Text))
            {
                found |= Cues.Locative;
            }
            else if (previous is { } prior && prior.Run.Cues.HasFlag(Cues.Locative) && !prior.Run.Cues.HasFlag(Cues.Quoted)
                     && ((space && p.Lower is "and" or "or" && prior.Last == before - 1 && tokens.JoinsNext(before - 1))
                         || (prior.Last == before && IsComma(gap))))
            {
                found |= Cues.Locative; // "between Vietnam and Laos", "through Tessaly, Orvan and ..."
            }
        }

        // "the director, Madeleine Gavin", "director Madeleine Gavin", "this Pastor, Seungeun Kim"
        if (!p.IsNumber && CueWords.Roles.Contains(p.Text) && (space || IsComma(gap)))
            found |= Cues.Role;
        return found;
    }

    /// <summary>A comma and spaces: an apposition ("Gavin, the director").</summary>
    private static bool IsComma(string gap) => gap.Length > 1 && gap[0] == ',' && SentenceTokens.IsSpace(gap[1..]);

    /// <summary>Endings of nationality adjectives: Korean, Vietnamese, Thai, British, Icelandic, Presbyterian.</summary>
    [GeneratedRegex(@"(an|ans|ese|ish|ic|i|ch)$")]
    private static partial Regex Demonym();
}
