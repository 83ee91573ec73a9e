using Bot.Knowledge.Mentions;

namespace Bot.Knowledge.Trivia;

/// <summary>
/// What kind each name of the knowledge is (person, place, organisation), decided over the whole
/// knowledge, so one clear occurrence ("in Laos") classifies every other ("Laos is..."):
/// <list type="number">
/// <item>Strong clues (a title, an organisation noun, a place noun; see <see cref="Cues"/>) decide
/// when they agree; weak ones (a locative before it, a role noun or a verb of speech beside it)
/// decide when there is no strong one and they agree. Clues that disagree leave the name out.</item>
/// <item>A name with no clue at all takes the kind of the names it may be short or long for
/// ("Kim" of "Pastor Kim", "Kim Jong Un" of "Kim"), when they are all of one kind.</item>
/// <item>"X family" is always a family, whatever X is elsewhere (the caller reads <see cref="Cues.Family"/>).</item>
/// </list>
/// </summary>
internal static class NameKinds
{
    /// <summary>The kind of each name (by <see cref="NameRun.Key"/>) that has one.</summary>
    public static Dictionary<string, TriviaKind> Of(IEnumerable<NameRun> runs)
    {
        var strong = new Dictionary<string, HashSet<TriviaKind>>(StringComparer.Ordinal);
        var weak = new Dictionary<string, HashSet<TriviaKind>>(StringComparer.Ordinal);
        var words = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            if ((run.Cues & (Cues.Quoted | Cues.Adjectival | Cues.Family)) != 0)
                continue;
            words.TryAdd(run.Key, run.NameWords);
            if (run.Cues.HasFlag(Cues.Title))
                Add(strong, run.Key, TriviaKind.Person);
            if (run.Cues.HasFlag(Cues.OrganizationNoun))
                Add(strong, run.Key, TriviaKind.Organization);
            if (run.Cues.HasFlag(Cues.PlaceNoun))
                Add(strong, run.Key, TriviaKind.Place);
            if (run.Cues.HasFlag(Cues.Locative))
                Add(weak, run.Key, TriviaKind.Place);
            if (run.Cues.HasFlag(Cues.Role))
                Add(weak, run.Key, TriviaKind.Person);
        }

        var kinds = new Dictionary<string, TriviaKind>(StringComparer.Ordinal);
        var unclued = new List<string>();
        foreach (var key in words.Keys)
        {
            var clues = strong.GetValueOrDefault(key) is { Count: > 0 } s ? s : weak.GetValueOrDefault(key);
            if (clues is null || clues.Count == 0)
                unclued.Add(key);
            else if (clues.Count == 1)
                kinds[key] = clues.First();
        }

        BorrowKinds(kinds, unclued, words);
        return kinds;
    }

    private static void Add(Dictionary<string, HashSet<TriviaKind>> clues, string key, TriviaKind kind)
    {
        if (!clues.TryGetValue(key, out var set))
            clues[key] = set = [];
        set.Add(kind);
    }

    /// <summary>Gives each name without clues the kind of the names it may be another name for, when they are all of one kind.</summary>
    private static void BorrowKinds(Dictionary<string, TriviaKind> kinds, List<string> unclued, Dictionary<string, IReadOnlySet<string>> words)
    {
        // Another name for a name shares a word with it: look only at those.
        var cluedByWord = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var key in kinds.Keys)
        {
            foreach (var word in words[key])
            {
                if (!cluedByWord.TryGetValue(word, out var keys))
                    cluedByWord[word] = keys = [];
                keys.Add(key);
            }
        }

        var clued = new Dictionary<string, TriviaKind>(kinds, StringComparer.Ordinal);
        foreach (var key in unclued)
        {
            var alike = words[key]
                .SelectMany(w => cluedByWord.GetValueOrDefault(w) ?? [])
                .Distinct()
                .Where(other => Distractors.SameName(words[key], words[other]))
                .Select(other => clued[other])
                .Distinct()
                .ToArray();
            if (alike.Length == 1)
                kinds[key] = alike[0];
        }
    }
}
