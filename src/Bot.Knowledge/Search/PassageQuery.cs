using Bot.Knowledge.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Bot.Knowledge.Search;

/// <summary>Builds the Lucene query for a question's concepts: any concept may match, rarer ones count more (BM25).</summary>
internal static class PassageQuery
{
    /// <summary>Title and section words locate a passage but are weaker evidence than its own words.</summary>
    private const float ContextBoost = 0.3f;

    public static Query Build(IReadOnlyList<Concept> concepts, IndexSnapshot index, IndexSearcher searcher)
    {
        var states = new TermStates(searcher.TopReaderContext);
        var query = new BooleanQuery();
        foreach (var concept in concepts.Where(c => c.Known))
        {
            // The best of a concept's forms counts, so a passage that says "film" and "movie" is not
            // worth twice one that says "film".
            var either = new DisjunctionMaxQuery(tieBreakerMultiplier: 0.1f);
            // Clauses for terms a field does not hold would only cost a dictionary seek each.
            foreach (var (term, credit) in concept.Variants)
            {
                if (index.TextFrequency(term) > 0)
                    either.Add(states.Query(IndexFields.Text, term, credit));
                if (index.ContextFrequency(term) > 0)
                    either.Add(states.Query(IndexFields.Context, term, credit * ContextBoost));
            }

            if (either.Disjuncts.Count == 0)
                continue;

            query.Add(either, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>
    /// Looks every term of a question up with one terms enumerator per field and segment. Left
    /// to itself, each TermQuery would open a fresh enumerator per segment, and those are most
    /// of what a search allocates.
    /// </summary>
    private sealed class TermStates(IndexReaderContext top)
    {
        private readonly Dictionary<string, TermsEnum?[]> _enumerators = new(StringComparer.Ordinal);

        public TermQuery Query(string field, string text, float boost)
        {
            var term = new Term(field, text);
            var leaves = top.Leaves;
            if (!_enumerators.TryGetValue(field, out var perLeaf))
            {
                perLeaf = leaves.Select(leaf => leaf.AtomicReader.GetTerms(field)?.GetEnumerator()).ToArray();
                _enumerators[field] = perLeaf;
            }

            var context = new TermContext(top);
            var bytes = new BytesRef(text);
            for (var i = 0; i < leaves.Count; i++)
            {
                var terms = perLeaf[i];
                if (terms is not null && terms.SeekExact(bytes))
                    context.Register(terms.GetTermState(), leaves[i].Ord, terms.DocFreq, terms.TotalTermFreq);
            }

            return new TermQuery(term, context) { Boost = boost };
        }
    }
}
