namespace Bot.Knowledge.Mentions;

/// <summary>
/// The names of a sentence, for every reader of names (topics to suggest, trivia answers): runs of
/// capitalised words (at least two letters, not a function word, month or weekday) joined by
/// spaces, possibly with one lower-case connector ("of", "de", "van"...) between two of them, a
/// title and its name across a full stop ("Dr. Okafor"), and ended by a possessive. What the words
/// around a run say it is comes with it (<see cref="NameCues"/>).
/// <list type="bullet">
/// <item>A capitalised word that opens the sentence, a quotation, a bracket or a clause after a
/// colon counts only when the knowledge also writes it capitalised elsewhere
/// (<see cref="NameEvidence.MayOpen"/>), so "Meet" and "Enter" are not names while "Kim" and
/// "Pastor" are; a title before a capitalised word always counts ("Pastor Kim and his crew...").</item>
/// <item>A name of one word is left out when the knowledge writes the word in lower case more
/// often (<see cref="NameEvidence.IsCommon"/>).</item>
/// </list>
/// </summary>
internal static class NameFinder
{
    public static IReadOnlyList<NameRun> Names(string sentence, NameEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var tokens = SentenceTokens.Of(sentence);
        var quotations = Quotations.Of(sentence);
        var runs = new List<(NameRun Run, int First, int Last)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsName(tokens, i, evidence))
                continue;
            var first = i;
            var last = RunEnd(tokens, first, evidence);
            i = last;
            if (Run(tokens, first, last, quotations, runs.Count > 0 ? runs[^1] : null) is { } run && !IsStrayCapital(run, evidence))
                runs.Add((run, first, last));
        }

        return runs.Select(r => r.Run).ToArray();
    }

    /// <summary>Whether token <paramref name="i"/> may be a word of a name.</summary>
    private static bool IsName(SentenceTokens tokens, int i, NameEvidence evidence) =>
        tokens.IsCapitalised(i)
        && (!tokens.OpensClause(i) || evidence.MayOpen(tokens[i].Lower) || (NameWords.Titles.Contains(tokens[i].Text) && tokens.IsCapitalised(i + 1)));

    /// <summary>The last token of the run that starts at <paramref name="first"/>.</summary>
    private static int RunEnd(SentenceTokens tokens, int first, NameEvidence evidence)
    {
        var last = first;
        while (last + 1 < tokens.Count && !tokens[last].Possessive)
        {
            var gap = tokens.Gap(last);
            if (SentenceTokens.IsSpace(gap) && IsName(tokens, last + 1, evidence))
            {
                last++;
            }
            else if (gap.Length > 1 && gap[0] == '.' && SentenceTokens.IsSpace(gap[1..]) && NameWords.Titles.Contains(tokens[last].Text) && IsName(tokens, last + 1, evidence))
            {
                last++; // "Dr. Okafor"
            }
            else if (SentenceTokens.IsSpace(gap) && NameWords.Connectors.Contains(tokens[last + 1].Text) && !tokens[last + 1].Possessive
                     && tokens.JoinsNext(last + 1) && IsName(tokens, last + 2, evidence))
            {
                last += 2; // "Ministry of Waterways"
            }
            else
            {
                break;
            }
        }

        return last;
    }

    /// <summary>
    /// One word the knowledge mostly writes in lower case ("More", "Faith"): capitalised by grammar
    /// or title case. Runs of several words stay names ("River Heritage Foundation", "Changbai
    /// Mountain", however often "the river" is written), and so does "the Brown family".
    /// </summary>
    private static bool IsStrayCapital(NameRun run, NameEvidence evidence) =>
        run.WordCount == 1 && run.Kin is null && evidence.IsCommon(run.Key);

    private static NameRun? Run(SentenceTokens tokens, int first, int last, IReadOnlyList<(int Start, int End)> quotations, (NameRun Run, int First, int Last)? previous)
    {
        var words = Enumerable.Range(first, last - first + 1).Select(k => tokens[k]).ToArray();
        var nameWords = words.Where(w => !NameWords.Titles.Contains(w.Text) && !NameWords.Connectors.Contains(w.Text)).Select(w => w.Lower).ToHashSet(StringComparer.Ordinal);
        if (nameWords.Count == 0)
            return null; // a title alone: "this Pastor, Seungeun Kim"

        var start = tokens[first].Start;
        var end = tokens[last].End;
        var cues = NameCues.Describe(tokens, first, last, quotations, previous);
        var kin = cues.HasFlag(Cues.Family) ? tokens[last + 1].Text : null;
        var key = string.Join(' ', words.Select(w => w.Lower));
        return new NameRun(start, end - start, tokens.Sentence[start..end], key, nameWords, cues, kin);
    }
}
