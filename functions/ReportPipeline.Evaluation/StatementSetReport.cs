using System.Globalization;
using ReportPipeline.Core;

namespace ReportPipeline.Evaluation;

/// <summary>The scores of a statement set, with the targets it is judged against.</summary>
public sealed record StatementSetReport(IReadOnlyList<StatementCell> Cells, IReadOnlyList<string> Errors)
{
    /// <summary>The floor for F1 over the whole set.</summary>
    public const double OverallTarget = 0.85;

    /// <summary>The floor for F1 in every language (all questions) and every question (all languages).</summary>
    public const double GroupTarget = 0.75;

    /// <summary>The most N questions that may be answered, as a share of them.</summary>
    public const double NoAnsweredCeiling = 0.15;

    /// <summary>Answers at least this confident are the ones a reader trusts; calibration counts how many are right.</summary>
    public const double ConfidentAnswer = 0.8;

    public int Cases => Cells.Select(c => c.Case).Distinct().Count();

    public IEnumerable<string> Languages => Cells.Select(c => c.Language).Distinct().Order(StringComparer.Ordinal);

    public StatementScore Score(Func<StatementCell, bool> filter) => StatementScore.Of(Cells.Where(filter));

    /// <summary>Answers with confidence at least <see cref="ConfidentAnswer"/>: how many, how many hold a quote, how many sit on an N question.</summary>
    public (int Answers, int HoldQuote, int OnNo) Calibration()
    {
        var confident = Cells.SelectMany(c => c.Answers.Where(a => a.Confidence >= ConfidentAnswer).Select(a => (Cell: c, a.HoldsQuote))).ToList();
        return (confident.Count, confident.Count(x => x.HoldsQuote), confident.Count(x => x.Cell.Label == AnswerLabel.N));
    }

    /// <summary>Why the set misses its targets; empty when it meets them. A set of no cases fails.</summary>
    public IReadOnlyList<string> Failures()
    {
        var failures = new List<string>();
        if (Cases == 0)
        {
            failures.Add("no labelled case was read");
        }

        var all = Score(_ => true);
        if (Below(all.F1, OverallTarget))
        {
            failures.Add(Format($"overall F1 {all.F1:0.000} < {OverallTarget:0.00}"));
        }

        if (all.NoAnsweredShare > NoAnsweredCeiling)
        {
            failures.Add(Format($"N questions answered {all.NoAnsweredShare:P0} > {NoAnsweredCeiling:P0}"));
        }

        foreach (var language in Languages)
        {
            Check($"language {language}", Score(c => c.Language == language), failures);
        }

        foreach (var q in Question.All)
        {
            Check($"question ({q})", Score(c => c.Question == q), failures);
        }

        if (Errors.Count > 0)
        {
            failures.Add($"{Errors.Count} case(s) could not be read");
        }

        return failures;
    }

    private static void Check(string name, StatementScore score, List<string> failures)
    {
        if (Below(score.F1, GroupTarget))
        {
            failures.Add(Format($"{name} F1 {score.F1:0.000} < {GroupTarget:0.00}"));
        }
    }

    /// <summary>Below a target by more than rounding: 2 × 1 × 0.6 / 1.6 is 0.7499999999999999 in floating point, and meets 0.75.</summary>
    private static bool Below(double value, double target) => value < target - 1e-9;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
