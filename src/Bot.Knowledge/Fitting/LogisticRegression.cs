namespace Bot.Knowledge.Fitting;

/// <summary>
/// L2-regularised logistic regression fitted by Newton's method on standardised features.
/// Our own few dozen lines rather than ML.NET: the data is a few thousand rows of a few dozen
/// features, Newton converges in a handful of exact steps with no learning rate to tune, the
/// result is the same on every machine, and the bot needs only a dot product at run time, so a
/// machine-learning runtime (and its native libraries) would be weight without work.
/// </summary>
public static class LogisticRegression
{
    private const int MaxIterations = 50;
    private const double Tolerance = 1e-7;

    /// <summary>A fitted model: per-feature mean and scale, weights on the standardised features, bias.</summary>
    public sealed record Fit(double[] Mean, double[] Scale, double[] Weights, double Bias)
    {
        public double Logit(ReadOnlySpan<float> x)
        {
            var z = Bias;
            for (var j = 0; j < Weights.Length; j++)
                z += Weights[j] * (x[j] - Mean[j]) / Scale[j];
            return Trees is null ? z : z + Trees.Score(x);
        }

        /// <summary>Boosted trees added to the linear score (<see cref="BoostedTrees"/>); none when null.</summary>
        public Answering.TreeEnsemble? Trees { get; init; }

        public double Probability(ReadOnlySpan<float> x) => Sigmoid(Logit(x));
    }

    /// <param name="rows">Feature vectors, all of one length.</param>
    /// <param name="labels">True for the rows that answer.</param>
    /// <param name="lambda">L2 penalty on the standardised weights (not on the bias).</param>
    /// <param name="use">Which features take part; the others get weight 0.</param>
    public static Fit Train(IReadOnlyList<float[]> rows, IReadOnlyList<bool> labels, double lambda, IReadOnlyList<bool> use)
    {
        var n = rows.Count;
        var d = use.Count;
        var (mean, scale) = Standardisation(rows, d);
        var active = Enumerable.Range(0, d).Where(j => use[j]).ToArray();
        var k = active.Length + 1; // + bias, last
        var x = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var z = new double[k];
            for (var a = 0; a < active.Length; a++)
                z[a] = (rows[i][active[a]] - mean[active[a]]) / scale[active[a]];
            z[k - 1] = 1;
            x[i] = z;
        }

        var beta = new double[k];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (gradient, hessian) = Derivatives(x, labels, beta, lambda);
            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var a = 0; a < k; a++)
            {
                beta[a] -= step[a];
                change = Math.Max(change, Math.Abs(step[a]));
            }

            if (change < Tolerance)
                break;
        }

        var weights = new double[d];
        for (var a = 0; a < active.Length; a++)
            weights[active[a]] = beta[a];
        return new Fit(mean, scale, weights, beta[k - 1]);
    }

    /// <summary>The penalised log-loss's gradient and Hessian at <paramref name="beta"/>; the bias (last) is not penalised.</summary>
    private static (double[] Gradient, double[,] Hessian) Derivatives(double[][] x, IReadOnlyList<bool> labels, double[] beta, double lambda)
    {
        var k = beta.Length;
        var gradient = new double[k];
        var hessian = new double[k, k];
        for (var i = 0; i < x.Length; i++)
        {
            var xi = x[i];
            var p = Sigmoid(Dot(xi, beta));
            var residual = p - (labels[i] ? 1 : 0);
            var w = Math.Max(p * (1 - p), 1e-10);
            for (var a = 0; a < k; a++)
            {
                gradient[a] += residual * xi[a];
                var wa = w * xi[a];
                for (var b = 0; b <= a; b++)
                    hessian[a, b] += wa * xi[b];
            }
        }

        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < a; b++)
                hessian[b, a] = hessian[a, b];
            if (a < k - 1)
            {
                gradient[a] += lambda * beta[a];
                hessian[a, a] += lambda;
            }
            else
            {
                hessian[a, a] += 1e-9; // the bias is unpenalised; this only keeps the solve stable
            }
        }

        return (gradient, hessian);
    }

    /// <summary>Each feature's mean and standard deviation; a constant feature gets scale 1, so it is never divided by 0.</summary>
    public static (double[] Mean, double[] Scale) Standardisation(IReadOnlyList<float[]> rows, int d)
    {
        var n = rows.Count;
        var mean = new double[d];
        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            double sum = 0, squares = 0;
            foreach (var row in rows)
            {
                sum += row[j];
                squares += row[j] * (double)row[j];
            }

            mean[j] = n > 0 ? sum / n : 0;
            var variance = n > 0 ? squares / n - mean[j] * mean[j] : 0;
            scale[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }

        return (mean, scale);
    }

    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++)
            s += a[i] * b[i];
        return s;
    }

    /// <summary>Solves the symmetric positive definite system by Cholesky decomposition.</summary>
    internal static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j];
                for (var m = 0; m < j; m++)
                    sum -= l[i, m] * l[j, m];
                l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[j, j];
            }
        }

        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var m = 0; m < i; m++)
                sum -= l[i, m] * y[m];
            y[i] = sum / l[i, i];
        }

        var result = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var m = i + 1; m < n; m++)
                sum -= l[m, i] * result[m];
            result[i] = sum / l[i, i];
        }

        return result;
    }
}
