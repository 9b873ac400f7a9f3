using ReportPipeline.Core;
using ReportPipeline.Extraction.Learned;

namespace ReportPipeline.Evaluation;

/// <summary>
/// Fits the extraction model: an L2-regularised logistic regression over sentence rows by Newton's method (exact, no learning
/// rate, no randomness, so a fit is reproducible byte for byte), in which a real statement's rows weigh
/// <see cref="RealWeight"/> times an invented one's. Each question's threshold is the one with the best statement-level F1
/// (a Y question found when a quote-carrying sentence reaches it, an N question answered when any does; a sentence a marker
/// or heading placed under the question answers whatever its probability, as in the extractor) over out-of-fold
/// probabilities: inner folds of the training cases, each scored by a model fitted without it, so that the threshold is
/// chosen on probabilities like those the model gives text it has not seen, not on those it was fitted to.
/// </summary>
public static class ModelTrainer
{
    /// <summary>
    /// The L2 penalty: the data are few, so weights stay small unless many rows ask otherwise. 1 rather than 2 (<c>learned-2</c>):
    /// scored by cross-validation and by leaving either real set out, the lighter penalty did as well or better on all three,
    /// 0.5 and 5 worse; the thresholds, chosen out of fold, absorb the surer probabilities it gives.
    /// </summary>
    public const double Penalty = 1.0;

    /// <summary>How many inner folds give the out-of-fold probabilities the thresholds are chosen on.</summary>
    public const int InnerFolds = 5;

    /// <summary>
    /// How much more a real statement's row weighs than an invented one's: the invented sets are many, short and written to
    /// answer, real statements are what arrives. Real sets are those read from <see cref="RealSets"/> (third-party texts).
    /// </summary>
    public const double RealWeight = 3.0;

    /// <summary>Where the real, third-party labelled sets live, as the training sets are named.</summary>
    public const string RealSets = "../shared/";

    private const int MaxIterations = 50;

    public static ExtractionModel Fit(IReadOnlyList<FeaturedCase> cases, string version, IReadOnlyList<string> training)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var outOfFold = new double[cases.Count][];
        for (var k = 0; k < InnerFolds; k++)
        {
            var fold = k;
            var weights = Weights([.. cases.Where((_, i) => i % InnerFolds != fold)]);
            for (var i = fold; i < cases.Count; i += InnerFolds)
            {
                outOfFold[i] = [.. cases[i].Rows.Select(r => ExtractionModel.Logistic(r.X, weights))];
            }
        }

        return new ExtractionModel(version, Weights(cases), Thresholds(cases, outOfFold), training);
    }

    private static double Weight(FeaturedCase c) => c.Case.Set.StartsWith(RealSets, StringComparison.Ordinal) ? RealWeight : 1;

    private static double[] Weights(IReadOnlyList<FeaturedCase> cases)
    {
        var n = PassageFeatures.Count;
        var rows = cases.SelectMany(c => c.Rows.Select(r => (Index: NonZero(r.X), r.X, r.Y, Weight: Weight(c)))).ToList();
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

            foreach (var (index, x, y, weight) in rows)
            {
                var z = 0.0;
                foreach (var i in index)
                {
                    z += w[i] * x[i];
                }

                var p = 1 / (1 + Math.Exp(-z));
                var g = weight * (p - (y ? 1 : 0));
                var h = weight * p * (1 - p);
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

    /// <summary>Per question, the threshold with the best statement-level F1 over the cases' probabilities <paramref name="p"/> (by case, in row order).</summary>
    private static double[] Thresholds(IReadOnlyList<FeaturedCase> cases, double[][] p)
    {
        var cells = new List<(AnswerLabel Label, int Question, double Best, double BestCarrying)>();
        for (var i = 0; i < cases.Count; i++)
        {
            var best = new double[Question.Count];
            var carrying = new double[Question.Count];
            for (var r = 0; r < cases[i].Rows.Count; r++)
            {
                var (_, y, q, placed) = cases[i].Rows[r];
                var v = placed ? 1 : p[i][r];
                best[q] = Math.Max(best[q], v);
                carrying[q] = y ? Math.Max(carrying[q], v) : carrying[q];
            }

            cells.AddRange(cases[i].Case.Labels.Select(l => (l.Label, l.Question.Index, best[l.Question.Index], carrying[l.Question.Index])));
        }

        return [.. Question.All.Select(q => Threshold([.. cells.Where(c => c.Question == q.Index).Select(c => (c.Label, c.Best, c.BestCarrying))]))];
    }

    /// <summary>The threshold, on a grid of hundredths, with the best statement-level F1 over the cells; the higher on a tie.</summary>
    private static double Threshold(List<(AnswerLabel Label, double Best, double BestCarrying)> cells)
    {
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
