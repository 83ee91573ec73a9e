using System.Text.Json.Serialization;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Boosted regression trees over raw (not standardised) features, added to a linear score: what the
/// abstainer's straight line cannot say, such as "near a remembered unanswerable question, but only
/// where no remembered answerable one is nearer". Nodes are flat arrays; a node with feature −1 is a
/// leaf holding its value. Written by <c>fit</c> (<see cref="Fitting.BoostedTrees"/>), never by hand.
/// </summary>
public sealed record TreeEnsemble(
    [property: JsonPropertyName("roots")] int[] Roots,
    [property: JsonPropertyName("feature")] int[] Feature,
    [property: JsonPropertyName("threshold")] float[] Threshold,
    [property: JsonPropertyName("left")] int[] Left,
    [property: JsonPropertyName("right")] int[] Right,
    [property: JsonPropertyName("value")] float[] Value)
{
    /// <summary>The sum of every tree's leaf for <paramref name="features"/>.</summary>
    public double Score(ReadOnlySpan<float> features)
    {
        double sum = 0;
        foreach (var root in Roots)
        {
            var node = root;
            while (Feature[node] >= 0)
                node = features[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
            sum += Value[node];
        }

        return sum;
    }

    /// <summary>Whether the trees are whole and read only features below <paramref name="features"/>: a file from another build may not be.</summary>
    public bool Fits(int features)
    {
        var nodes = Feature.Length;
        if (Threshold.Length != nodes || Left.Length != nodes || Right.Length != nodes || Value.Length != nodes)
            return false;
        for (var i = 0; i < nodes; i++)
        {
            // Children come after their parent, so walking a tree always ends.
            if (Feature[i] >= features || (Feature[i] >= 0 && (Left[i] <= i || Right[i] <= i || Left[i] >= nodes || Right[i] >= nodes)))
                return false;
        }

        return Roots.All(r => r >= 0 && r < nodes);
    }
}
