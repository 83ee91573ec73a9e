namespace Bot.Knowledge.Search;

/// <summary>
/// One thing a question asks about: a stemmed word together with its synonyms and, when the
/// word itself is not in the index, its close spellings there.
/// </summary>
/// <param name="Head">The question's own stem.</param>
/// <param name="Variants">Terms that count as this concept in a passage, with how much each counts (1 for the word and its synonyms, less for a near spelling).</param>
/// <param name="Weight">Inverse document frequency: rare concepts say more about what the question wants.</param>
/// <param name="Known">False when neither the word, its synonyms nor a near spelling occurs in the knowledge.</param>
public sealed record Concept(string Head, IReadOnlyDictionary<string, float> Variants, float Weight, bool Known)
{
    /// <summary>The most any of the concept's variants counts in <paramref name="terms"/> (0 when none is there).</summary>
    public float MatchIn(IReadOnlySet<string> terms)
    {
        var best = 0f;
        // Called for every concept against every answer unit: the dictionary's struct enumerator
        // avoids a boxed enumerator per call (see TermCounts for why that garbage matters).
        if (Variants is Dictionary<string, float> variants)
        {
            foreach (var (term, credit) in variants)
            {
                if (credit > best && terms.Contains(term))
                    best = credit;
            }
        }
        else
        {
            foreach (var (term, credit) in Variants)
            {
                if (credit > best && terms.Contains(term))
                    best = credit;
            }
        }

        return best;
    }
}
