namespace Bot.Knowledge.Answering;

/// <summary>
/// What the scorer learnt from the public questions it was fitted on: each question's vector and
/// words, whether the knowledge answers it, and which answer units (by <see cref="UnitKey"/>) do.
/// A new question close to a fitted one that a unit answered is evidence for that unit; one close
/// to a fitted question the knowledge does not answer is evidence for abstaining. Two questions are
/// far easier to compare than a question and a sentence (the sentence model was trained on pairs
/// of the same kind), so a member's wording that no sentence resembles can still resemble a
/// question someone asked before.
/// </summary>
/// <remarks>
/// The memory holds questions and unit keys (hashes of unit texts), no text of the knowledge:
/// the answer always comes from the knowledge as indexed. A unit whose text changed no longer
/// matches its key, and the memory then says nothing about it until the next <c>fit</c>.
/// </remarks>
public sealed class AnswerMemory
{
    /// <summary>The feature columns this memory fills, in <see cref="AnswerFeatures.Names"/>' order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["mem_unit", "mem_vote", "mem_vote_wide", "mem_centroid", "mem_lex_unit", "mem_lex_vote", "mem_mix_vote", "mem_in", "mem_out", "mem_lex_in", "mem_lex_out", "mem_novel", "mem_probe", "mem_probe_out", "mem_known"];

    /// <summary>Neighbours that vote, and the softmax temperature of their votes.</summary>
    private const int Voters = 5;
    private const float Temperature = 0.05f;
    private const int WideVoters = 15;
    private const float WideTemperature = 0.1f;

    private readonly IReadOnlyList<Entry> _entries;

    // Every word a remembered question uses, numbered, and each word's IDF by number: comparing a question's
    // words with 1,300 remembered questions' compares numbers, not hashed strings.
    private readonly Dictionary<string, int> _termNumbers;
    private readonly float[] _idf;

    // Each remembered question's distinct words by number.
    private readonly int[][] _termIds;

    // Each remembered question's words' IDF, parallel to _termIds: looked up once here, not once per question asked.
    private readonly float[][] _termWeights;

    // The weight of a word no remembered question uses.
    private readonly float _maxIdf;
    private readonly Dictionary<string, int[]> _answeredBy;
    private readonly Lazy<Dictionary<string, float[]>> _centroids;

    /// <param name="modelId">The sentence model that embedded the entries (<see cref="Semantic.ITextEmbedder.ModelId"/>): vectors of another model are never compared.</param>
    /// <param name="probe">The classifier fitted on these entries' vectors, or null for none.</param>
    public AnswerMemory(IReadOnlyList<Entry> entries, string? modelId = null, QuestionProbe? probe = null)
    {
        _entries = entries;
        ModelId = modelId;
        Probe = probe;
        // A word most remembered questions use ("pastor", "kim") says little about which one a new question resembles.
        var counts = entries.SelectMany(e => e.Terms.Distinct(StringComparer.Ordinal)).GroupBy(t => t, StringComparer.Ordinal).ToArray();
        _termNumbers = counts.Select((g, n) => (g.Key, n)).ToDictionary(x => x.Key, x => x.n, StringComparer.Ordinal);
        _idf = counts.Select(g => (float)Math.Log(1 + (entries.Count + 1.0) / g.Count())).ToArray();
        // Computed once, not per question: a question costs a pass over the entries and little more.
        _maxIdf = (float)Math.Log(1 + (entries.Count + 1.0));
        _termIds = entries.Select(e => e.Terms.Distinct(StringComparer.Ordinal).Select(term => _termNumbers[term]).ToArray()).ToArray();
        _termWeights = _termIds.Select(ids => ids.Select(n => _idf[n]).ToArray()).ToArray();
        _answeredBy = Enumerable.Range(0, entries.Count).Where(e => entries[e].InScope)
            .SelectMany(e => entries[e].Units.Distinct(StringComparer.Ordinal).Select(u => (Unit: u, Entry: e)))
            .GroupBy(x => x.Unit, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.Entry).ToArray(), StringComparer.Ordinal);
        _centroids = new(() => Centroids(null));
    }

    public static AnswerMemory Empty { get; } = new([]);

    public string? ModelId { get; }

    public QuestionProbe? Probe { get; }

    /// <summary>The same entries with another probe (in fitting: one fitted without the questions it scores).</summary>
    public AnswerMemory WithProbe(QuestionProbe? probe) => new(_entries, ModelId, probe);

    public IReadOnlyList<Entry> Entries => _entries;

    /// <summary>One fitted question: its vector, its analysed words, whether it is in scope, and the keys of the units that answer it.</summary>
    public sealed record Entry(float[] Vector, IReadOnlyList<string> Terms, bool InScope, IReadOnlyList<string> Units);

    /// <summary>A stable key for an answer unit as shown: the same text, the same key.</summary>
    public static string UnitKey(string shown)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(shown.Trim()));
        return Convert.ToHexStringLower(bytes, 0, 8);
    }

    /// <summary>
    /// Writes the memory's columns into <paramref name="rows"/> (one per unit, keys in <paramref name="unitKeys"/>)
    /// for a question with vector <paramref name="question"/> and words <paramref name="terms"/>. <paramref name="skip"/>
    /// leaves entries out (in fitting: the question itself and any worded the same).
    /// </summary>
    public void Fill(IReadOnlyList<float[]> rows, float[]? question, IReadOnlyList<string> terms, IReadOnlyList<string> unitKeys, int firstColumn, Func<int, bool>? skip = null)
    {
        foreach (var row in rows)
            Array.Clear(row, firstColumn, Names.Count);
        if (question is null || _entries.Count == 0 || rows.Count == 0)
            return;

        var cosines = new float[_entries.Count];
        var lexical = new float[_entries.Count];
        var mixed = new float[_entries.Count];
        var asked = terms.ToHashSet(StringComparer.Ordinal);
        float askedWeight = 0;
        // The question's words in the set's order, each with its number among the remembered ones (-1: none
        // uses it) and its weight; and which numbered words it asks.
        var askedWords = new (int Id, float Weight)[asked.Count];
        var isAsked = new bool[_termNumbers.Count];
        var w = 0;
        foreach (var term in asked)
        {
            var id = _termNumbers.GetValueOrDefault(term, -1);
            var weight = id >= 0 ? _idf[id] : _maxIdf;
            askedWeight += weight;
            askedWords[w++] = (id, weight);
            if (id >= 0)
                isAsked[id] = true;
        }
        for (var e = 0; e < _entries.Count; e++)
        {
            if (skip?.Invoke(e) == true)
            {
                cosines[e] = lexical[e] = mixed[e] = float.NegativeInfinity;
                continue;
            }

            cosines[e] = _entries[e].Vector.Length == question.Length ? Semantic.Vectors.Dot(question, _entries[e].Vector) : 0f;
            lexical[e] = Overlap(isAsked, askedWeight, e);
            mixed[e] = (cosines[e] + lexical[e]) / 2;
        }

        var near = Votes(cosines, Voters, Temperature);
        var wide = Votes(cosines, WideVoters, WideTemperature);
        var lexicalNear = Votes(lexical, Voters, Temperature * 2);
        var mixedNear = Votes(mixed, Voters, Temperature);
        var centroids = skip is null ? _centroids.Value : Centroids(cosines);
        var (bestIn, bestOut) = BestByKind(cosines);
        var (lexicalIn, lexicalOut) = BestByKind(lexical);
        var probed = Probe?.Predict(question) ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            var key = unitKeys[i];
            var row = rows[i];
            row[firstColumn] = BestFor(cosines, key);
            row[firstColumn + 1] = near.GetValueOrDefault(key);
            row[firstColumn + 2] = wide.GetValueOrDefault(key);
            row[firstColumn + 3] = centroids.TryGetValue(key, out var centroid) && centroid.Length == question.Length ? Cosine(question, centroid) : 0f;
            row[firstColumn + 4] = BestFor(lexical, key);
            row[firstColumn + 5] = lexicalNear.GetValueOrDefault(key);
            row[firstColumn + 6] = mixedNear.GetValueOrDefault(key);
            row[firstColumn + 7] = bestIn;
            row[firstColumn + 8] = bestOut;
            row[firstColumn + 9] = lexicalIn;
            row[firstColumn + 10] = lexicalOut;
            row[firstColumn + 11] = Novelty(askedWords, key, cosines);
            row[firstColumn + 12] = probed.GetValueOrDefault(key);
            row[firstColumn + 13] = probed.GetValueOrDefault(QuestionProbe.OutOfScope);
            row[firstColumn + 14] = Known(key, cosines) ? 1f : 0f;
        }
    }

    /// <summary>IDF-weighted overlap of two questions' words: the weight they share over the weight either has.</summary>
    /// <param name="isAsked">Whether the question asks each numbered word.</param>
    /// <param name="askedWeight">The IDF of the question's words, summed in its order: the same for every entry.</param>
    private float Overlap(bool[] isAsked, float askedWeight, int entry)
    {
        float shared = 0, union = askedWeight;
        var remembered = _termIds[entry];
        var weights = _termWeights[entry];
        for (var k = 0; k < remembered.Length; k++)
        {
            if (isAsked[remembered[k]])
                shared += weights[k];
            else
                union += weights[k];
        }

        return union > 0 ? shared / union : 0f;
    }

    /// <summary>
    /// The IDF-weighted share of the question's words that no remembered question <paramref name="unit"/>
    /// answered ever used: a near-miss question ("how many were recaptured?") shares most words with
    /// the questions a unit answers, and the word it adds is the part the knowledge does not hold.
    /// </summary>
    /// <param name="askedWords">The question's words (their numbers, -1 for one no remembered question uses, and weights), in its order.</param>
    private float Novelty((int Id, float Weight)[] askedWords, string unit, float[] similarities)
    {
        float total = 0, novel = 0;
        _answeredBy.TryGetValue(unit, out var answered);
        foreach (var (id, weight) in askedWords)
        {
            total += weight;
            var used = false;
            foreach (var e in id < 0 ? [] : answered ?? [])
            {
                if (!float.IsNegativeInfinity(similarities[e]) && Array.IndexOf(_termIds[e], id) >= 0)
                {
                    used = true;
                    break;
                }
            }

            if (!used)
                novel += weight;
        }

        return total > 0 ? novel / total : 0f;
    }

    /// <summary>The highest similarity of a remembered in-scope question that <paramref name="unit"/> answers.</summary>
    private float BestFor(float[] similarities, string unit)
    {
        float best = 0;
        if (_answeredBy.TryGetValue(unit, out var answered))
        {
            foreach (var e in answered)
                best = Math.Max(best, similarities[e]);
        }

        return best;
    }

    /// <summary>Whether a remembered question (not skipped) was answered by <paramref name="unit"/>: for a unit of knowledge added since the fit, none was.</summary>
    private bool Known(string unit, float[] similarities) =>
        _answeredBy.TryGetValue(unit, out var answered) && answered.Any(e => !float.IsNegativeInfinity(similarities[e]));

    private (float In, float Out) BestByKind(float[] similarities)
    {
        float bestIn = 0, bestOut = 0;
        for (var e = 0; e < _entries.Count; e++)
        {
            if (_entries[e].InScope)
                bestIn = Math.Max(bestIn, similarities[e]);
            else
                bestOut = Math.Max(bestOut, similarities[e]);
        }

        return (bestIn, bestOut);
    }

    /// <summary>
    /// The <paramref name="count"/> nearest remembered questions vote, each by its softmax weight at
    /// <paramref name="temperature"/>, for the units that answer it: each unit's share of the vote.
    /// An out-of-scope neighbour's weight goes to no unit.
    /// </summary>
    private Dictionary<string, float> Votes(float[] similarities, int count, float temperature)
    {
        var voters = Nearest(similarities, count);
        var shares = new Dictionary<string, float>(StringComparer.Ordinal);
        if (voters.Length == 0)
            return shares;
        var top = similarities[voters[0]];
        var weights = voters.Select(e => Math.Exp((similarities[e] - top) / temperature)).ToArray();
        var total = weights.Sum();
        for (var v = 0; v < voters.Length; v++)
        {
            foreach (var unit in _entries[voters[v]].Units.Distinct(StringComparer.Ordinal))
                shares[unit] = shares.GetValueOrDefault(unit) + (float)(weights[v] / total);
        }

        return shares;
    }

    /// <summary>
    /// The <paramref name="count"/> entries of highest similarity, highest first, the earlier entry first
    /// among equals (as a stable sort would give), skipping those left out (negative infinity). One pass
    /// with a short sorted list: a sort of all 1,300 entries for the best 5 was a percent of the bot's CPU.
    /// </summary>
    private static int[] Nearest(float[] similarities, int count)
    {
        var kept = new int[Math.Min(count, similarities.Length)];
        if (kept.Length == 0)
            return kept;
        var length = 0;
        for (var e = 0; e < similarities.Length; e++)
        {
            var s = similarities[e];
            if (float.IsNegativeInfinity(s) || (length == kept.Length && s <= similarities[kept[length - 1]]))
                continue;
            var at = length == kept.Length ? length - 1 : length++;
            // Past every kept entry at least as similar: an equal one came earlier and stays ahead.
            while (at > 0 && similarities[kept[at - 1]] < s)
            {
                kept[at] = kept[at - 1];
                at--;
            }

            kept[at] = e;
        }

        return length == kept.Length ? kept : kept[..length];
    }

    /// <summary>Per unit, the sum of the vectors of the remembered questions it answers (those not skipped: <paramref name="similarities"/> negative infinity).</summary>
    private Dictionary<string, float[]> Centroids(float[]? similarities)
    {
        var centroids = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var e = 0; e < _entries.Count; e++)
        {
            var dimensions = _entries[e].Vector.Length;
            if (!_entries[e].InScope || (similarities is not null && float.IsNegativeInfinity(similarities[e])))
                continue;
            foreach (var unit in _entries[e].Units.Distinct(StringComparer.Ordinal))
            {
                if (!centroids.TryGetValue(unit, out var sum))
                    centroids[unit] = sum = new float[dimensions];
                for (var d = 0; d < dimensions && d < sum.Length; d++)
                    sum[d] += _entries[e].Vector[d];
            }
        }

        return centroids;
    }

    private static float Cosine(float[] a, float[] b)
    {
        var norm = MathF.Sqrt(Semantic.Vectors.Dot(b, b));
        return norm > 0 ? Semantic.Vectors.Dot(a, b) / norm : 0f;
    }
}
