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

    public QuestionProbe(IReadOnlyList<string> classes, float[] mean, float[] scale, float[][] weights, float[] bias)
    {
        if (weights.Length != classes.Count || bias.Length != classes.Count || scale.Length != mean.Length || weights.Any(w => w.Length != mean.Length))
            throw new InvalidDataException("the question probe's weights do not match its classes and dimensions");
        Classes = classes;
        Mean = mean;
        Scale = scale;
        Weights = weights;
        Bias = bias;
    }

    public IReadOnlyList<string> Classes { get; }

    public float[] Mean { get; }

    public float[] Scale { get; }

    public float[][] Weights { get; }

    public float[] Bias { get; }

    /// <summary>Each class's probability for <paramref name="vector"/>; empty when the vector has other dimensions.</summary>
    public Dictionary<string, float> Predict(float[] vector)
    {
        if (vector.Length != Mean.Length)
            return new Dictionary<string, float>(StringComparer.Ordinal);
        return Softmax(Standardise(vector)).Select((p, c) => (p, c)).ToDictionary(x => Classes[x.c], x => x.p, StringComparer.Ordinal);
    }

    internal float[] Standardise(float[] vector)
    {
        var x = new float[vector.Length];
        for (var d = 0; d < x.Length; d++)
            x[d] = (vector[d] - Mean[d]) / Scale[d];
        return x;
    }

    internal float[] Softmax(float[] standardised)
    {
        var logits = new float[Weights.Length];
        var top = float.NegativeInfinity;
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] = Bias[c] + Semantic.Vectors.Dot(Weights[c], standardised);
            top = Math.Max(top, logits[c]);
        }

        var total = 0f;
        for (var c = 0; c < logits.Length; c++)
            total += logits[c] = MathF.Exp(logits[c] - top);
        for (var c = 0; c < logits.Length; c++)
            logits[c] /= total;
        return logits;
    }
}
