namespace Bot.Knowledge.Fitting;

/// <summary>
/// A linear ranker fitted listwise (a conditional logit): for each question, a softmax over its
/// candidate units, trained to put probability on the units that answer it. Unlike a per-unit
/// classifier, it only learns what tells one unit of a question from another, which is all that
/// choosing the answer needs; whether to answer at all is the abstainer's job.
/// Fitted by Newton's method with an L2 penalty on standardised features.
/// </summary>
public static class ListwiseRanker
{
    private const int MaxIterations = 50;
    private const double Tolerance = 1e-7;

    /// <param name="questions">Each question's unit feature rows and which units answer it; questions with no answering unit teach nothing and are skipped.</param>
    public static LogisticRegression.Fit Train(IReadOnlyList<(IReadOnlyList<float[]> Rows, IReadOnlyList<bool> Labels)> questions, double lambda, IReadOnlyList<bool> use)
    {
        var d = use.Count;
        var all = questions.SelectMany(q => q.Rows).ToArray();
        var (mean, scale) = LogisticRegression.Standardisation(all, d);
        var active = Enumerable.Range(0, d).Where(j => use[j]).ToArray();
        var k = active.Length;
        var groups = questions
            .Where(q => q.Labels.Any(l => l) && q.Rows.Count > 1)
            .Select(q => (X: q.Rows.Select(r => active.Select(j => (r[j] - mean[j]) / scale[j]).ToArray()).ToArray(), q.Labels))
            .ToArray();

        var beta = new double[k];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (gradient, hessian) = Derivatives(groups, beta, lambda);
            var next = DampedStep(groups, beta, LogisticRegression.Solve(hessian, gradient), lambda);
            var change = beta.Zip(next).Max(x => Math.Abs(x.First - x.Second));
            beta = next;
            if (change < Tolerance)
                break;
        }

        var weights = new double[d];
        for (var a = 0; a < k; a++)
            weights[active[a]] = beta[a];
        return new LogisticRegression.Fit(mean, scale, weights, 0);
    }

    /// <summary>The penalised loss's gradient and (an approximation of) its Hessian at <paramref name="beta"/>.</summary>
    private static (double[] Gradient, double[,] Hessian) Derivatives(IReadOnlyList<(double[][] X, IReadOnlyList<bool> Labels)> groups, double[] beta, double lambda)
    {
        var k = beta.Length;
        var gradient = new double[k];
        var hessian = new double[k, k];
        foreach (var (x, labels) in groups)
            AddGroup(x, labels, beta, gradient, hessian);

        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < a; b++)
                hessian[b, a] = hessian[a, b];
            gradient[a] += lambda * beta[a];
            hessian[a, a] += lambda;
        }

        return (gradient, hessian);
    }

    /// <summary>One question's share of the gradient and of the lower triangle of the Hessian.</summary>
    private static void AddGroup(double[][] x, IReadOnlyList<bool> labels, double[] beta, double[] gradient, double[,] hessian)
    {
        var k = beta.Length;
        var scores = x.Select(r => Dot(r, beta)).ToArray();
        var max = scores.Max();
        var p = scores.Select(s => Math.Exp(s - max)).ToArray();
        var sum = p.Sum();
        var positive = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            p[i] /= sum;
            if (labels[i])
                positive += p[i];
        }

        var mu = new double[k];
        for (var i = 0; i < p.Length; i++)
        {
            // d(-log Σ_pos p)/dβ = Σ_i p_i x_i − Σ_pos (p_i / Σ_pos p) x_i
            var target = labels[i] ? p[i] / positive : 0;
            for (var a = 0; a < k; a++)
            {
                gradient[a] += (p[i] - target) * x[i][a];
                mu[a] += p[i] * x[i][a];
            }
        }

        // The softmax's Fisher information, Cov_p(x): exact for one answering unit, a safe
        // (positive semi-definite) stand-in when several units answer.
        for (var i = 0; i < p.Length; i++)
        {
            for (var a = 0; a < k; a++)
            {
                var da = p[i] * (x[i][a] - mu[a]);
                for (var b = 0; b <= a; b++)
                    hessian[a, b] += da * (x[i][b] - mu[b]);
            }
        }
    }

    /// <summary>Newton's step can overshoot where the softmax is flat; halve it until the loss falls.</summary>
    private static double[] DampedStep(IReadOnlyList<(double[][] X, IReadOnlyList<bool> Labels)> groups, double[] beta, double[] step, double lambda)
    {
        var before = Loss(groups, beta, lambda);
        var size = 1.0;
        while (true)
        {
            var next = beta.Select((b, a) => b - size * step[a]).ToArray();
            if (Loss(groups, next, lambda) <= before || size < 1e-6)
                return next;
            size /= 2;
        }
    }

    /// <summary>Mean negative log of the probability the softmax puts on answering units, plus the penalty.</summary>
    private static double Loss(IReadOnlyList<(double[][] X, IReadOnlyList<bool> Labels)> groups, double[] beta, double lambda)
    {
        var loss = 0.0;
        foreach (var (x, labels) in groups)
        {
            var scores = x.Select(r => Dot(r, beta)).ToArray();
            var max = scores.Max();
            var all = scores.Sum(s => Math.Exp(s - max));
            var positive = scores.Where((_, i) => labels[i]).Sum(s => Math.Exp(s - max));
            loss -= Math.Log(positive / all);
        }

        return loss + lambda / 2 * beta.Sum(b => b * b);
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++)
            s += a[i] * b[i];
        return s;
    }
}
