namespace Bot.Knowledge.Answering;

/// <summary>
/// What a question's features need to know about all its candidate units at once: each unit's
/// similarities and coverage, the best of each over the candidates, each unit's rank by similarity,
/// how rare each of the question's concepts is among the units, and how much of the question's
/// weight lies outside its names.
/// </summary>
internal sealed class QuestionView
{
    private float[] _rarity = [];
    private float _rarityTotal;

    public required SentenceRanker Ranker { get; init; }

    public required IReadOnlyList<CandidatePassage> Candidates { get; init; }

    public required IReadOnlyList<(int Candidate, int Unit)> Units { get; init; }

    public required float[] CosUnit { get; init; }

    public required float[] CosContext { get; init; }

    public required float[] CovUnit { get; init; }

    public required float[] AskUnit { get; init; }

    public required float[] AskContext { get; init; }

    public required float[] CovAsk { get; init; }

    public required int[] Rank { get; init; }

    public float BestAsk { get; private set; }

    public float BestCos { get; private set; }

    public float BestCov { get; private set; }

    public float BestCovAsk { get; private set; }

    /// <summary>The weight of what the question asks about its names ("win an Oscar", "live now"), apart from the names.</summary>
    public float AskWeight { get; private init; }

    public float TotalWeight { get; private init; }

    public static QuestionView Of(SentenceRanker ranker, IReadOnlyList<CandidatePassage> candidates, IReadOnlyList<(int Candidate, int Unit)> units, IReadOnlyList<bool> nameConcepts)
    {
        var concepts = ranker.Concepts;
        var askWeight = 0f;
        for (var k = 0; k < concepts.Count; k++)
        {
            if (!nameConcepts[k])
                askWeight += concepts[k].Weight;
        }

        var cosUnit = units.Select(x => candidates[x.Candidate].UnitSimilarity(x.Unit)).ToArray();
        var view = new QuestionView
        {
            Ranker = ranker,
            Candidates = candidates,
            Units = units,
            CosUnit = cosUnit,
            CosContext = units.Select(x => candidates[x.Candidate].ContextSimilarity(x.Unit)).ToArray(),
            CovUnit = units.Select(x => ranker.Coverage(candidates[x.Candidate].Analyzed.Units[x.Unit], null)).ToArray(),
            AskUnit = units.Select(x => candidates[x.Candidate].PredicateUnitSimilarity(x.Unit)).ToArray(),
            AskContext = units.Select(x => candidates[x.Candidate].PredicateContextSimilarity(x.Unit)).ToArray(),
            // A unit that shares only the names does not answer what is asked about them.
            CovAsk = units.Select(x => AskCoverage(ranker, candidates[x.Candidate], x.Unit, nameConcepts, askWeight)).ToArray(),
            Rank = RanksOf(cosUnit),
            AskWeight = askWeight,
            TotalWeight = concepts.Sum(c => c.Weight),
        };
        // Once per question, not once per row: every row reads them.
        view.BestAsk = Math.Max(view.AskUnit.Max(), view.AskContext.Max());
        view.BestCos = cosUnit.Max();
        view.BestCov = view.CovUnit.Max();
        view.BestCovAsk = view.CovAsk.Max();
        view.MeasureRarity();
        return view;
    }

    /// <summary>The share of the rarity-weighted concepts the unit holds.</summary>
    public float RareCoverage(AnalyzedSentence unit)
    {
        var concepts = Ranker.Concepts;
        var covered = 0f;
        for (var k = 0; k < concepts.Count; k++)
        {
            if (concepts[k].MatchIn(unit.Terms) > 0)
                covered += _rarity[k];
        }

        return _rarityTotal > 0 ? covered / _rarityTotal : 0f;
    }

    /// <summary>How many units each concept occurs in: a word found in every unit ("Kim") tells them apart less than a rare one.</summary>
    private void MeasureRarity()
    {
        var concepts = Ranker.Concepts;
        var unitFrequency = new int[concepts.Count];
        foreach (var (c, u) in Units)
        {
            var terms = Candidates[c].Analyzed.Units[u].Terms;
            for (var k = 0; k < concepts.Count; k++)
            {
                if (concepts[k].MatchIn(terms) > 0)
                    unitFrequency[k]++;
            }
        }

        _rarity = unitFrequency.Select(df => (float)Math.Log(1 + (Units.Count - df + 0.5) / (df + 0.5))).ToArray();
        _rarityTotal = _rarity.Sum();
    }

    private static float AskCoverage(SentenceRanker ranker, CandidatePassage candidate, int u, IReadOnlyList<bool> nameConcepts, float askWeight)
    {
        if (askWeight <= 0)
            return 1f;
        var concepts = ranker.Concepts;
        var unit = candidate.Analyzed.Units[u];
        var previous = u > 0 ? candidate.Analyzed.Units[u - 1] : null;
        var covered = 0f;
        for (var k = 0; k < concepts.Count; k++)
        {
            if (!nameConcepts[k])
                covered += concepts[k].Weight * Math.Max(concepts[k].MatchIn(unit.Terms), previous is null ? 0 : concepts[k].MatchIn(previous.Terms));
        }

        return covered / askWeight;
    }

    private static int[] RanksOf(float[] scores)
    {
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToArray();
        var rank = new int[scores.Length];
        for (var r = 0; r < order.Length; r++)
            rank[order[r]] = r + 1;
        return rank;
    }
}
