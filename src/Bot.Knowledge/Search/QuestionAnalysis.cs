using Bot.Knowledge.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Bot.Knowledge.Search;

/// <summary>
/// Turns a question into <see cref="Concept"/>s by analysis alone: user text never meets a
/// query parser, so operators, quotes, field names and wildcards are just words (or nothing).
/// </summary>
internal static class QuestionAnalysis
{
    /// <summary>More concepts than this add noise, not meaning, and would overflow BooleanQuery's clause limit.</summary>
    public const int MaxConcepts = 32;

    private const float SynonymCredit = 1f;
    private const float FuzzyCredit = 0.8f;
    private const float DerivedCredit = 0.9f;

    /// <summary>Near-spelling lookups per question; a wall of unknown words gets only this many.</summary>
    private const int MaxFuzzyLookups = 8;

    /// <summary>Distinct words looked at in one question; the rest of a wall of text is ignored.</summary>
    private const int MaxWords = 256;

    /// <param name="leaveOut">A stem to drop, such as "year" in "what year...", which names the answer's type rather than its topic.</param>
    public static IReadOnlyList<Concept> Analyze(string question, Analyzer queryAnalyzer, IndexSnapshot index, string? leaveOut = null)
    {
        var groups = Tokenize(question, queryAnalyzer);
        if (leaveOut is not null)
            groups.RemoveAll(g => g[0] == leaveOut);
        var total = index.DocCount;
        var concepts = new List<Concept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fuzzyLookups = 0;
        foreach (var group in groups)
        {
            if (!seen.Add(group[0]))
                continue;
            if (seen.Count > MaxWords)
                break;

            var variants = group.Distinct().ToDictionary(t => t, _ => SynonymCredit, StringComparer.Ordinal);
            var df = 0;
            foreach (var term in variants.Keys)
                df += index.TextFrequency(term) + index.ContextFrequency(term);

            foreach (var derived in AgentForms(group[0]))
            {
                var derivedDf = index.TextFrequency(derived);
                if (derivedDf > 0 && variants.TryAdd(derived, DerivedCredit))
                    df += derivedDf;
            }

            if (df == 0 && fuzzyLookups++ < MaxFuzzyLookups)
            {
                foreach (var near in index.NearSpellings(group[0]))
                {
                    variants.TryAdd(near, FuzzyCredit);
                    df += index.TextFrequency(near);
                }
            }

            concepts.Add(new Concept(group[0], variants, df > 0 ? Idf(Math.Min(df, total), total) : UnknownWeight(total), df > 0));
        }

        if (concepts.Count <= MaxConcepts)
            return concepts;
        // A wall of text: keep the concepts the knowledge knows, rarest first.
        return concepts.OrderByDescending(c => c.Known).ThenByDescending(c => c.Weight).Take(MaxConcepts).ToArray();
    }

    /// <summary>
    /// Weight of a word the knowledge does not hold at all. Not the (maximal) IDF of an unseen
    /// term: such a word is as often a paraphrase ("works", "viewers") as a topic the knowledge
    /// lacks ("cost", "weather"), so it counts about half as much as the rarest word it does hold.
    /// </summary>
    public static float UnknownWeight(int docCount) => 0.55f * Idf(1, docCount);

    /// <summary>BM25's inverse document frequency.</summary>
    public static float Idf(int docFreq, int docCount) => (float)Math.Log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));

    /// <summary>Groups analysed tokens by position: the question's stem first, then its synonyms.</summary>
    private static List<List<string>> Tokenize(string question, Analyzer analyzer)
    {
        var groups = new List<List<string>>();
        using var stream = analyzer.GetTokenStream(IndexFields.Text, question);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var text = term.ToString();
            if (increment.PositionIncrement > 0 || groups.Count == 0)
                groups.Add([text]);
            else
                groups[^1].Add(text);
        }

        stream.End();
        return groups;
    }

    /// <summary>
    /// The stemmer leaves agent nouns apart from their verbs ("directed" → "direct", "director"
    /// → "director"); these are the forms to try in the other direction.
    /// </summary>
    private static IEnumerable<string> AgentForms(string stem)
    {
        if (stem.Length < 4 || !stem.All(char.IsLetter))
            yield break;
        if (stem.EndsWith("or", StringComparison.Ordinal) || stem.EndsWith("er", StringComparison.Ordinal))
        {
            if (stem.Length > 5)
                yield return stem[..^2];
            yield break;
        }

        yield return stem + "or";
        yield return stem + "er";
        if (stem.EndsWith('e'))
            yield return stem + "r";
    }
}
