namespace Bot.Knowledge.Answering;

/// <summary>
/// A linear classifier over question vectors: given a question's embedding, the probability that
/// each answer unit (by <see cref="AnswerMemory.UnitKey"/>) answers it, or that the knowledge does
/// not (<see cref="OutOfScope"/>). Fitted on the remembered questions (softmax regression,
/// <c>Fitting.QuestionProbeFitting</c>); where the memory's votes ask "which questions are
/// nearest", the probe asks "which direction of meaning does this unit's questions share", and
/// holds up better when a new wording sits between two remembered ones.
/// </summary>
public sealed class QuestionProbe
{
    /// <summary>The class of questions the knowledge does not answer.</summary>
    public const string OutOfScope = "";

    private readonly float[] _mean;
    private readonly float[] _scale;
    private readonly float[][] _weights;
    private readonly float[] _bias;
    private readonly Dictionary<string, int> _index;

    public QuestionProbe(IReadOnlyList<string> classes, float[] mean, float[] scale, float[][] weights, float[] bias)
    {
        if (weights.Length != classes.Count || bias.Length != classes.Count || scale.Length != mean.Length || weights.Any(w => w.Length != mean.Length))
            throw new InvalidDataException("the question probe's weights do not match its classes and dimensions");
        Classes = classes;
        _mean = mean;
        _scale = scale;
        _weights = weights;
        _bias = bias;
        _index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Classes { get; }

    public int Dimensions => _mean.Length;

    public float[] Mean => _mean;

    public float[] Scale => _scale;

    public float[][] Weights => _weights;

    public float[] Bias => _bias;

    /// <summary>Each class's probability for <paramref name="vector"/>; empty when the vector has other dimensions.</summary>
    public Dictionary<string, float> Predict(float[] vector)
    {
        if (vector.Length != _mean.Length)
            return new Dictionary<string, float>(StringComparer.Ordinal);
        return Softmax(Standardise(vector)).Select((p, c) => (p, c)).ToDictionary(x => Classes[x.c], x => x.p, StringComparer.Ordinal);
    }

    internal float[] Standardise(float[] vector)
    {
        var x = new float[vector.Length];
        for (var d = 0; d < x.Length; d++)
            x[d] = (vector[d] - _mean[d]) / _scale[d];
        return x;
    }

    internal float[] Softmax(float[] standardised)
    {
        var logits = new float[_weights.Length];
        var top = float.NegativeInfinity;
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] = _bias[c] + Semantic.Vectors.Dot(_weights[c], standardised);
            top = Math.Max(top, logits[c]);
        }

        var total = 0f;
        for (var c = 0; c < logits.Length; c++)
            total += logits[c] = MathF.Exp(logits[c] - top);
        for (var c = 0; c < logits.Length; c++)
            logits[c] /= total;
        return logits;
    }

    public bool Knows(string unit) => _index.ContainsKey(unit);
}
