using System.Numerics;
using Bot.Knowledge.Answering;

namespace Bot.Knowledge.Fitting;

/// <summary>
/// Fits a <see cref="QuestionProbe"/>: L2-regularised softmax regression on standardised question
/// vectors, by full-batch gradient descent with Nesterov momentum from zero weights. A question
/// several units answer spreads its target evenly over them. Deterministic: the same questions
/// give the same probe on every machine.
/// </summary>
public static class QuestionProbeFitting
{
    public const int Iterations = 200;
    public const float LearningRate = 1f;
    public const float Momentum = 0.9f;

    /// <param name="questions">Vectors (all of one length), kind, and answering unit keys; an in-scope question no unit answers is left out.</param>
    /// <param name="penalty">L2 penalty on the weights (not the biases), per question.</param>
    public static QuestionProbe? Fit(IReadOnlyList<(float[] Vector, bool InScope, IReadOnlyList<string> Units)> questions, float penalty)
    {
        var usable = questions.Where(q => !q.InScope || q.Units.Count > 0).ToArray();
        if (usable.Length == 0)
            return null;
        var dimensions = usable[0].Vector.Length;
        usable = usable.Where(q => q.Vector.Length == dimensions).ToArray();
        var classes = new List<string> { QuestionProbe.OutOfScope };
        classes.AddRange(usable.SelectMany(q => q.Units).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

        var mean = new float[dimensions];
        var scale = new float[dimensions];
        foreach (var q in usable)
        {
            for (var d = 0; d < dimensions; d++)
                mean[d] += q.Vector[d] / usable.Length;
        }

        foreach (var q in usable)
        {
            for (var d = 0; d < dimensions; d++)
                scale[d] += (q.Vector[d] - mean[d]) * (q.Vector[d] - mean[d]) / usable.Length;
        }

        for (var d = 0; d < dimensions; d++)
            scale[d] = scale[d] > 1e-12f ? MathF.Sqrt(scale[d]) : 1f;

        var weights = classes.Select(_ => new float[dimensions]).ToArray();
        var bias = new float[classes.Count];
        var probe = new QuestionProbe(classes, mean, scale, weights, bias);
        var x = usable.Select(q => probe.Standardise(q.Vector)).ToArray();
        var targets = usable.Select(q =>
        {
            var t = new float[classes.Count];
            if (!q.InScope)
            {
                t[0] = 1;
            }
            else
            {
                var units = q.Units.Distinct(StringComparer.Ordinal).ToArray();
                foreach (var u in units)
                    t[index[u]] = 1f / units.Length;
            }

            return t;
        }).ToArray();

        // Nesterov: the gradient is taken at the look-ahead point (weights + momentum × velocity).
        var velocity = classes.Select(_ => new float[dimensions]).ToArray();
        var biasVelocity = new float[classes.Count];
        var gradient = classes.Select(_ => new float[dimensions]).ToArray();
        var biasGradient = new float[classes.Count];
        var step = LearningRate / usable.Length;
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            for (var c = 0; c < classes.Count; c++)
            {
                Axpy(Momentum, velocity[c], weights[c]);
                bias[c] += Momentum * biasVelocity[c];
                Array.Clear(gradient[c]);
                biasGradient[c] = 0;
            }

            for (var i = 0; i < x.Length; i++)
            {
                var p = probe.Softmax(x[i]);
                for (var c = 0; c < classes.Count; c++)
                {
                    var error = p[c] - targets[i][c];
                    if (error == 0)
                        continue;
                    Axpy(error, x[i], gradient[c]);
                    biasGradient[c] += error;
                }
            }

            for (var c = 0; c < classes.Count; c++)
            {
                // Undo the look-ahead, then step from where the weights were.
                Axpy(-Momentum, velocity[c], weights[c]);
                bias[c] -= Momentum * biasVelocity[c];
                Axpy(penalty * usable.Length, weights[c], gradient[c]);
                for (var d = 0; d < dimensions; d++)
                    velocity[c][d] = Momentum * velocity[c][d] - step * gradient[c][d];
                biasVelocity[c] = Momentum * biasVelocity[c] - step * biasGradient[c];
                Axpy(1, velocity[c], weights[c]);
                bias[c] += biasVelocity[c];
            }
        }

        return probe;
    }

    /// <summary>y += a × x.</summary>
    private static void Axpy(float a, float[] x, float[] y)
    {
        var scaled = new Vector<float>(a);
        var d = 0;
        for (; d <= x.Length - Vector<float>.Count; d += Vector<float>.Count)
            (new Vector<float>(y, d) + (scaled * new Vector<float>(x, d))).CopyTo(y, d);
        for (; d < x.Length; d++)
            y[d] += a * x[d];
    }
}
