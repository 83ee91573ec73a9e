using Bot.Knowledge.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

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

    public static IReadOnlyList<Concept> Analyze(string question, Analyzer queryAnalyzer, IndexReader reader)
    {
        var groups = Tokenize(question, queryAnalyzer);
        var total = Math.Max(reader.NumDocs, 1);
        var concepts = new List<Concept>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (!seen.Add(group[0]))
                continue;

            var variants = group.Distinct().ToDictionary(t => t, _ => SynonymCredit, StringComparer.Ordinal);
            var df = 0;
            foreach (var term in variants.Keys)
                df += reader.DocFreq(new Term(IndexFields.Text, term)) + reader.DocFreq(new Term(IndexFields.Context, term));

            if (df == 0)
            {
                foreach (var near in NearSpellings(group[0], reader))
                {
                    variants.TryAdd(near, FuzzyCredit);
                    df += reader.DocFreq(new Term(IndexFields.Text, near));
                }
            }

            concepts.Add(new Concept(group[0], variants, Idf(Math.Min(df, total), total), df > 0));
        }

        if (concepts.Count <= MaxConcepts)
            return concepts;
        // A wall of text: keep the concepts the knowledge knows, rarest first.
        return concepts.OrderByDescending(c => c.Known).ThenByDescending(c => c.Weight).Take(MaxConcepts).ToArray();
    }

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

    /// <summary>The closest spellings of a misspelt stem that the index holds ("madelin" → "madelein").</summary>
    private static IEnumerable<string> NearSpellings(string stem, IndexReader reader)
    {
        // Short words have too many neighbours one edit away to guess safely.
        if (stem.Length < 5 || !stem.All(char.IsLetter))
            return [];
        var maxEdits = stem.Length >= 8 ? 2 : 1;
        var fuzzy = new FuzzyQuery(new Term(IndexFields.Text, stem), maxEdits, prefixLength: 1, maxExpansions: 8, transpositions: true);
        var rewritten = fuzzy.Rewrite(reader);
        if (rewritten is not BooleanQuery candidates)
            return rewritten is TermQuery single ? [single.Term.Text] : [];
        var clauses = candidates.Clauses.Select(c => (TermQuery)c.Query).ToArray();
        if (clauses.Length == 0)
            return [];
        var best = clauses.Max(q => q.Boost);
        return clauses.Where(q => q.Boost >= best).Select(q => q.Term.Text).ToArray();
    }
}
