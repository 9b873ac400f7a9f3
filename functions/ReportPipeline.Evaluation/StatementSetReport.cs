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

    /// <summary>Y questions with a quote inside an answer or a ranked candidate, and all Y questions.</summary>
    public (int Found, int Yes) RecallAt3()
    {
        var yes = Cells.Where(c => c.Label == AnswerLabel.Y).ToList();
        return (yes.Count(c => c.FoundInCandidates), yes.Count);
    }

    public IEnumerable<string> Languages => Cells.Select(c => c.Language).Distinct().Order(StringComparer.Ordinal);

    public StatementScore Score(Func<StatementCell, bool> filter) => StatementScore.Of(Cells.Where(filter));

    /// <summary>Answers with confidence at least <see cref="ConfidentAnswer"/>: how many, how many hold a quote, how many sit on an N question.</summary>
    public (int Answers, int HoldQuote, int OnNo) Calibration()
    {
        var confident = Cells.SelectMany(c => c.Answers.Where(a => a.Confidence >= ConfidentAnswer).Select(a => (Cell: c, a.HoldsQuote))).ToList();
        return (confident.Count, confident.Count(x => x.HoldsQuote), confident.Count(x => x.Cell.Label == AnswerLabel.N));
    }

    /// <summary>Why the set misses the development targets; empty when it meets them. A set of no cases fails.</summary>
    public IReadOnlyList<string> Failures() => Failures(StatementTargets.Development);

    /// <summary>Why the set misses <paramref name="targets"/>; empty when it meets them. A set of no cases fails.</summary>
    public IReadOnlyList<string> Failures(StatementTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var failures = new List<string>();
        if (Cases == 0)
        {
            failures.Add("no labelled case was read");
        }

        var all = Score(_ => true);
        if (Below(all.F1, targets.Overall))
        {
            failures.Add(Format($"overall F1 {all.F1:0.000} < {targets.Overall:0.00}"));
        }

        if (all.NoAnsweredShare > targets.NoAnsweredCeiling)
        {
            failures.Add(Format($"N questions answered {all.NoAnsweredShare:P0} > {targets.NoAnsweredCeiling:P0}"));
        }

        if (targets.PerLanguage is { } perLanguage)
        {
            foreach (var language in Languages)
            {
                Check($"language {language}", Score(c => c.Language == language), perLanguage, failures);
            }
        }

        if (targets.PerQuestion is { } perQuestion)
        {
            foreach (var q in Question.All)
            {
                Check($"question ({q})", Score(c => c.Question == q), perQuestion, failures);
            }
        }

        var (found, yes) = RecallAt3();
        if (targets.RecallAt3 is { } recall && Below(yes == 0 ? 1 : (double)found / yes, recall))
        {
            failures.Add(Format($"recall@3 {(double)found / yes:0.000} < {recall:0.00}"));
        }

        if (Errors.Count > 0)
        {
            failures.Add($"{Errors.Count} case(s) could not be read");
        }

        return failures;
    }

    private static void Check(string name, StatementScore score, double target, List<string> failures)
    {
        if (Below(score.F1, target))
        {
            failures.Add(Format($"{name} F1 {score.F1:0.000} < {target:0.00}"));
        }
    }

    /// <summary>Below a target by more than rounding: 2 × 1 × 0.6 / 1.6 is 0.7499999999999999 in floating point, and meets 0.75.</summary>
    private static bool Below(double value, double target) => value < target - 1e-9;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
