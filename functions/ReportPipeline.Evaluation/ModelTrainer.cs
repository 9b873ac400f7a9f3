using ReportPipeline.Core;
using ReportPipeline.Extraction.Learned;

namespace ReportPipeline.Evaluation;

/// <summary>
/// Fits the extraction model: an L2-regularised logistic regression over sentence rows by Newton's method (exact, no learning
/// rate, no randomness, so a fit is reproducible byte for byte), then the threshold that gives the best statement-level F1 on
/// the training cases (a Y question found when a quote-carrying sentence reaches it, an N question answered when any does;
/// a sentence a marker or heading placed under the question answers whatever its probability, as in the extractor).
/// </summary>
public static class ModelTrainer
{
    /// <summary>The L2 penalty: the data are few, so weights stay small unless many rows ask otherwise.</summary>
    public const double Penalty = 2.0;

    private const int MaxIterations = 50;

    public static ExtractionModel Fit(IReadOnlyList<FeaturedCase> cases, string version, IReadOnlyList<string> training)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var weights = Weights(cases);
        var model = new ExtractionModel(version, weights, 0.5, training);
        return new ExtractionModel(version, weights, Threshold(cases, model), training);
    }

    private static double[] Weights(IReadOnlyList<FeaturedCase> cases)
    {
        var n = PassageFeatures.Count;
        var rows = cases.SelectMany(c => c.Rows).Select(r => (Index: NonZero(r.X), r.X, r.Y)).ToList();
        var w = new double[n];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var gradient = new double[n];
            var hessian = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                gradient[i] = Penalty * w[i];
                hessian[i, i] = Penalty;
            }

            foreach (var (index, x, y) in rows)
            {
                var z = 0.0;
                foreach (var i in index)
                {
                    z += w[i] * x[i];
                }

                var p = 1 / (1 + Math.Exp(-z));
                var g = p - (y ? 1 : 0);
                var h = p * (1 - p);
                for (var a = 0; a < index.Length; a++)
                {
                    var i = index[a];
                    gradient[i] += g * x[i];
                    for (var b = a; b < index.Length; b++)
                    {
                        hessian[i, index[b]] += h * x[i] * x[index[b]];
                    }
                }
            }

            var step = Solve(hessian, gradient);
            var largest = 0.0;
            for (var i = 0; i < n; i++)
            {
                w[i] -= step[i];
                largest = Math.Max(largest, Math.Abs(step[i]));
            }

            if (largest < 1e-9)
            {
                break;
            }
        }

        return w;
    }

    private static int[] NonZero(double[] x) => [.. Enumerable.Range(0, x.Length).Where(i => x[i] != 0)];

    /// <summary>Solves H s = g for a symmetric positive definite H given by its upper triangle (Cholesky).</summary>
    private static double[] Solve(double[,] h, double[] g)
    {
        var n = g.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = h[j, i];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                l[i, j] = i == j ? Math.Sqrt(sum) : sum / l[j, j];
            }
        }

        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = g[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[i, k] * y[k];
            }

            y[i] = sum / l[i, i];
        }

        var s = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[k, i] * s[k];
            }

            s[i] = sum / l[i, i];
        }

        return s;
    }

    /// <summary>The threshold, on a grid of hundredths, with the best statement-level F1 over the training cases; the higher on a tie.</summary>
    private static double Threshold(IReadOnlyList<FeaturedCase> cases, ExtractionModel model)
    {
        var cells = new List<(AnswerLabel Label, double Best, double BestCarrying)>();
        foreach (var c in cases)
        {
            var best = new double[Question.Count];
            var carrying = new double[Question.Count];
            foreach (var (x, y, q, placed) in c.Rows)
            {
                var p = placed ? 1 : model.Probability(x);
                best[q] = Math.Max(best[q], p);
                carrying[q] = y ? Math.Max(carrying[q], p) : carrying[q];
            }

            cells.AddRange(c.Case.Labels.Select(l => (l.Label, best[l.Question.Index], carrying[l.Question.Index])));
        }

        var chosen = 0.5;
        var chosenF1 = -1.0;
        for (var t = 5; t <= 95; t++)
        {
            var threshold = t / 100.0;
            var found = cells.Count(c => c.Label == AnswerLabel.Y && c.BestCarrying >= threshold);
            var yes = cells.Count(c => c.Label == AnswerLabel.Y);
            var noAnswered = cells.Count(c => c.Label == AnswerLabel.N && c.Best >= threshold);
            var f1 = found == 0 ? 0 : 2.0 * found / (yes + found + noAnswered);
            if (f1 >= chosenF1)
            {
                (chosen, chosenF1) = (threshold, f1);
            }
        }

        return chosen;
    }
}
