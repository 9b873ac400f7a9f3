namespace ReportPipeline.Evaluation;

/// <summary>
/// What a statement set's scores are judged against: F1 over the set, F1 per language and per question (none when
/// absent), the most N questions that may be answered, and the least recall@3 (none when absent).
/// </summary>
public sealed record StatementTargets(double Overall, double? PerLanguage, double? PerQuestion, double NoAnsweredCeiling, double? RecallAt3)
{
    /// <summary>Plain <c>eval</c> of one set, whose figure may be fitted: the development targets.</summary>
    public static StatementTargets Development { get; } = new(
        StatementSetReport.OverallTarget, StatementSetReport.GroupTarget, StatementSetReport.GroupTarget, StatementSetReport.NoAnsweredCeiling, null);

    /// <summary>Cross-validated over the real sets (issue 22): F1 0.80, every language 0.70, N answered 20 %, recall@3 0.90.</summary>
    public static StatementTargets CrossValidated { get; } = new(0.80, 0.70, null, 0.20, 0.90);

    /// <summary>Trained on other sets, tested on one (issue 22): F1 0.75.</summary>
    public static StatementTargets LeaveOneSetOut { get; } = new(0.75, null, null, 1.0, null);
}
