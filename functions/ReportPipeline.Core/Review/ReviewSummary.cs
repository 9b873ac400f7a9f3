namespace ReportPipeline.Core.Review;

/// <summary>A state with a current report for a period, as the review list shows it.</summary>
public sealed record ReviewSummary(
    string State,
    string Name,
    string Region,
    string Language,
    int Version,
    string Status,
    QuestionSet Answered,
    int Decisions,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt);
