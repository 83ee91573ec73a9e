using Bot.Knowledge.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Bot.Knowledge.Search;

/// <summary>Builds the Lucene query for a question's concepts: any concept may match, rarer ones count more (BM25).</summary>
internal static class PassageQuery
{
    /// <summary>Title and section words locate a passage but are weaker evidence than its own words.</summary>
    private const float ContextBoost = 0.3f;

    public static Query Build(IReadOnlyList<Concept> concepts, IndexSnapshot index)
    {
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
                    either.Add(new TermQuery(new Term(IndexFields.Text, term)) { Boost = credit });
                if (index.ContextFrequency(term) > 0)
                    either.Add(new TermQuery(new Term(IndexFields.Context, term)) { Boost = credit * ContextBoost });
            }

            if (either.Disjuncts.Count == 0)
                continue;

            query.Add(either, Occur.SHOULD);
        }

        return query;
    }
}
