using Bot.Knowledge.Answering;

namespace Bot.Knowledge.Fitting;

/// <summary>
/// Gradient-boosted regression trees for a binary label, on top of a given score (the logistic
/// regression's logit): each round fits a small tree to the log-loss's gradient and curvature
/// (Newton boosting, leaves shrunk by an L2 penalty and a learning rate). Deterministic: every
/// row and every feature is used in every round, ties split at the first best threshold.
/// </summary>
public static class BoostedTrees
{
    /// <param name="Rounds">Trees fitted, one per round.</param>
    /// <param name="Depth">Splits from a root to a leaf, at most.</param>
    /// <param name="Rate">Each tree's leaves are multiplied by it.</param>
    /// <param name="MinLeaf">Rows a leaf holds, at least.</param>
    /// <param name="Penalty">L2 penalty on a leaf's value (added to its curvature).</param>
    public sealed record Settings(int Rounds, int Depth, double Rate, int MinLeaf, double Penalty);

    public static TreeEnsemble Train(IReadOnlyList<float[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<double> baseScore, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(settings);
        var n = rows.Count;
        var d = n == 0 ? 0 : rows[0].Length;
        var margin = baseScore.ToArray();
        var g = new double[n];
        var h = new double[n];

        // Each feature's rows in increasing order, and their values in that order, once. A level of a
        // tree scans each feature once for all its nodes (a row knows its node's place in the level).
        var sorted = Enumerable.Range(0, d).Select(j => Enumerable.Range(0, n).OrderBy(i => rows[i][j]).ThenBy(i => i).ToArray()).ToArray();
        var values = Enumerable.Range(0, d).Select(j => sorted[j].Select(i => rows[i][j]).ToArray()).ToArray();
        var nodeOf = new int[n];
        var slotOf = new int[n];
        var builder = new Builder();
        for (var round = 0; round < settings.Rounds; round++)
        {
            for (var i = 0; i < n; i++)
            {
                var p = LogisticRegression.Sigmoid(margin[i]);
                g[i] = p - (labels[i] ? 1 : 0);
                h[i] = Math.Max(p * (1 - p), 1e-6);
            }

            var root = builder.Add();
            builder.Roots.Add(root);
            Array.Fill(nodeOf, root);
            var frontier = new List<int> { root };
            for (var level = 0; level <= settings.Depth; level++)
            {
                var nodes = new Level(frontier, nodeOf, slotOf, g, h);
                var splits = level < settings.Depth ? nodes.BestSplits(sorted, values, slotOf, g, h, settings) : new (int Feature, float Threshold)?[frontier.Count];
                var next = new List<int>();
                for (var s = 0; s < frontier.Count; s++)
                {
                    var node = frontier[s];
                    if (splits[s] is not { } split)
                    {
                        builder.Value[node] = (float)(-settings.Rate * nodes.G[s] / (nodes.H[s] + settings.Penalty));
                        continue;
                    }

                    var (left, right) = (builder.Add(), builder.Add());
                    (builder.Feature[node], builder.Threshold[node], builder.Left[node], builder.Right[node]) = (split.Feature, split.Threshold, left, right);
                    next.Add(left);
                    next.Add(right);
                }

                // Every row of a split node goes to a child, in one pass over the rows for the whole level.
                for (var i = 0; i < n; i++)
                {
                    if (slotOf[i] >= 0 && splits[slotOf[i]] is { } split)
                        nodeOf[i] = rows[i][split.Feature] <= split.Threshold ? builder.Left[nodeOf[i]] : builder.Right[nodeOf[i]];
                }

                frontier = next;
            }

            for (var i = 0; i < n; i++)
                margin[i] += builder.Value[nodeOf[i]];
        }

        return builder.ToEnsemble();
    }

    /// <summary>The nodes of one level of a tree: each row's place among them, and each node's sums.</summary>
    private sealed class Level
    {
        public Level(List<int> frontier, int[] nodeOf, int[] slotOf, double[] g, double[] h)
        {
            var slotOfNode = new Dictionary<int, int>(frontier.Count);
            for (var s = 0; s < frontier.Count; s++)
                slotOfNode[frontier[s]] = s;
            G = new double[frontier.Count];
            H = new double[frontier.Count];
            Count = new int[frontier.Count];

            // Summed in row order, as a leaf's value and a split's parent term always have been.
            for (var i = 0; i < nodeOf.Length; i++)
            {
                var s = slotOfNode.GetValueOrDefault(nodeOf[i], -1);
                slotOf[i] = s;
                if (s < 0)
                    continue;
                G[s] += g[i];
                H[s] += h[i];
                Count[s]++;
            }
        }

        public double[] G { get; }
        public double[] H { get; }
        public int[] Count { get; }

        /// <summary>
        /// Each node's best split, or null where none gains or leaves too few rows on a side. Candidates
        /// come feature by feature and, within one, in increasing value, and only a strictly larger gain
        /// replaces the best: the first best threshold wins a tie.
        /// </summary>
        public (int Feature, float Threshold)?[] BestSplits(int[][] sorted, float[][] values, int[] slotOf, double[] g, double[] h, Settings settings)
        {
            var m = G.Length;
            var best = new (int Feature, float Threshold)?[m];
            var bestGain = new double[m];
            var parent = new double[m];
            var open = new bool[m];
            for (var s = 0; s < m; s++)
            {
                bestGain[s] = 1e-9;
                open[s] = Count[s] >= 2 * settings.MinLeaf;
                parent[s] = G[s] * G[s] / (H[s] + settings.Penalty);
            }

            var gLeft = new double[m];
            var hLeft = new double[m];
            var left = new int[m];
            var previous = new float[m];
            for (var j = 0; j < sorted.Length; j++)
            {
                Array.Clear(gLeft);
                Array.Clear(hLeft);
                Array.Clear(left);
                var (order, value) = (sorted[j], values[j]);
                for (var k = 0; k < order.Length; k++)
                {
                    var i = order[k];
                    var s = slotOf[i];
                    if (s < 0 || !open[s])
                        continue;
                    var v = value[k];

                    // A threshold between two different values, with enough rows on both sides.
                    if (left[s] > 0 && v > previous[s] && left[s] >= settings.MinLeaf && Count[s] - left[s] >= settings.MinLeaf)
                    {
                        var (gRight, hRight) = (G[s] - gLeft[s], H[s] - hLeft[s]);
                        var gain = gLeft[s] * gLeft[s] / (hLeft[s] + settings.Penalty) + gRight * gRight / (hRight + settings.Penalty) - parent[s];
                        if (gain > bestGain[s])
                        {
                            bestGain[s] = gain;
                            best[s] = (j, previous[s] + (v - previous[s]) / 2);
                        }
                    }

                    gLeft[s] += g[i];
                    hLeft[s] += h[i];
                    left[s]++;
                    previous[s] = v;
                }
            }

            return best;
        }
    }

    private sealed class Builder
    {
        public List<int> Roots { get; } = [];
        public List<int> Feature { get; } = [];
        public List<float> Threshold { get; } = [];
        public List<int> Left { get; } = [];
        public List<int> Right { get; } = [];
        public List<float> Value { get; } = [];

        public int Add()
        {
            Feature.Add(-1);
            Threshold.Add(0);
            Left.Add(-1);
            Right.Add(-1);
            Value.Add(0);
            return Feature.Count - 1;
        }

        public TreeEnsemble ToEnsemble() => new([.. Roots], [.. Feature], [.. Threshold], [.. Left], [.. Right], [.. Value]);
    }
}
