namespace ReportPipeline.Core.Review;

/// <summary>
/// A state with a current report for a period, as the review list shows it; <see cref="PendingIndications"/> counts what the
/// state pointed to or withdrew that no analyst has decided yet.
/// </summary>
public sealed record ReviewSummary(
    string State,
    string Name,
    string Region,
    string Language,
    int Version,
    string Status,
    QuestionSet Answered,
    int Decisions,
    int PendingIndications,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt);
