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

        // Each feature's rows in increasing order, once: a node scans them, skipping rows not its own.
        var sorted = Enumerable.Range(0, d).Select(j => Enumerable.Range(0, n).OrderBy(i => rows[i][j]).ThenBy(i => i).ToArray()).ToArray();
        var nodeOf = new int[n];
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
                var next = new List<int>();
                foreach (var node in frontier)
                {
                    var split = level < settings.Depth ? BestSplit(node, rows, sorted, nodeOf, g, h, settings) : null;
                    if (split is not { } s)
                    {
                        builder.Value[node] = (float)(-settings.Rate * Sum(node, nodeOf, g) / (Sum(node, nodeOf, h) + settings.Penalty));
                        continue;
                    }

                    var (left, right) = (builder.Add(), builder.Add());
                    (builder.Feature[node], builder.Threshold[node], builder.Left[node], builder.Right[node]) = (s.Feature, s.Threshold, left, right);
                    for (var i = 0; i < n; i++)
                    {
                        if (nodeOf[i] == node)
                            nodeOf[i] = rows[i][s.Feature] <= s.Threshold ? left : right;
                    }

                    next.Add(left);
                    next.Add(right);
                }

                frontier = next;
            }

            for (var i = 0; i < n; i++)
                margin[i] += builder.Value[nodeOf[i]];
        }

        return builder.ToEnsemble();
    }

    private static (int Feature, float Threshold)? BestSplit(int node, IReadOnlyList<float[]> rows, int[][] sorted, int[] nodeOf, double[] g, double[] h, Settings settings)
    {
        var (gAll, hAll, count) = (0.0, 0.0, 0);
        for (var i = 0; i < nodeOf.Length; i++)
        {
            if (nodeOf[i] != node)
                continue;
            gAll += g[i];
            hAll += h[i];
            count++;
        }

        if (count < 2 * settings.MinLeaf)
            return null;
        var parent = gAll * gAll / (hAll + settings.Penalty);
        (int Feature, float Threshold)? best = null;
        var bestGain = 1e-9;
        for (var j = 0; j < sorted.Length; j++)
        {
            var (gLeft, hLeft, left) = (0.0, 0.0, 0);
            float? previous = null;
            foreach (var i in sorted[j])
            {
                if (nodeOf[i] != node)
                    continue;
                var value = rows[i][j];
                // A threshold between two different values, with enough rows on both sides.
                if (previous is { } before && value > before && left >= settings.MinLeaf && count - left >= settings.MinLeaf)
                {
                    var (gRight, hRight) = (gAll - gLeft, hAll - hLeft);
                    var gain = gLeft * gLeft / (hLeft + settings.Penalty) + gRight * gRight / (hRight + settings.Penalty) - parent;
                    if (gain > bestGain)
                    {
                        bestGain = gain;
                        best = (j, before + (value - before) / 2);
                    }
                }

                gLeft += g[i];
                hLeft += h[i];
                left++;
                previous = value;
            }
        }

        return best;
    }

    private static double Sum(int node, int[] nodeOf, double[] values)
    {
        var sum = 0.0;
        for (var i = 0; i < nodeOf.Length; i++)
        {
            if (nodeOf[i] == node)
                sum += values[i];
        }

        return sum;
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
