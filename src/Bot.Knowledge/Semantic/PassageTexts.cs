using Bot.Knowledge.Documents;
using Bot.Knowledge.Text;

namespace Bot.Knowledge.Semantic;

/// <summary>
/// What is embedded for one passage, in the order <see cref="PassageVectors"/> holds it: the
/// paragraph, its heading, each answer unit alone, each unit after the one before it, then every
/// unit's clauses. <see cref="Assemble"/> turns the vectors of these texts back into the passage's.
/// </summary>
internal sealed class PassageTexts
{
    private readonly int[] _clauseCounts;

    private PassageTexts(IReadOnlyList<string> texts, int[] clauseCounts)
    {
        Texts = texts;
        _clauseCounts = clauseCounts;
    }

    public IReadOnlyList<string> Texts { get; }

    public static PassageTexts Of(Passage passage)
    {
        var units = AnswerUnits.Split(passage.Text);
        var clauses = units.Select(AnswerUnits.Clauses).ToArray();
        var texts = new List<string>(2 + 2 * units.Count) { passage.Text, AnswerUnits.Heading(passage.Title, passage.Section) };
        texts.AddRange(units);
        texts.AddRange(AnswerUnits.Contexts(units, passage.Section.Length > 0 ? passage.Section : passage.Title));
        texts.AddRange(clauses.SelectMany(c => c));
        return new PassageTexts(texts, clauses.Select(c => c.Count).ToArray());
    }

    /// <summary>The passage's vectors, from <paramref name="vectors"/>[<paramref name="at"/>..], one per text of <see cref="Texts"/>.</summary>
    public PassageVectors Assemble(float[][] vectors, int at)
    {
        var n = _clauseCounts.Length;
        var clauses = new IReadOnlyList<float[]>[n];
        var clauseAt = at + 2 + 2 * n;
        for (var u = 0; u < n; u++)
        {
            clauses[u] = vectors[clauseAt..(clauseAt + _clauseCounts[u])];
            clauseAt += _clauseCounts[u];
        }

        return new PassageVectors(vectors[at], vectors[at + 1], vectors[(at + 2)..(at + 2 + n)], vectors[(at + 2 + n)..(at + 2 + 2 * n)], clauses);
    }
}
