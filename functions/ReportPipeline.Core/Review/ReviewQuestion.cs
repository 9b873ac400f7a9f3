namespace ReportPipeline.Core.Review;

/// <summary>One question of a report under review: its passages, the candidates offered when none is accepted, and the analyst's note.</summary>
public sealed record ReviewQuestion(IReadOnlyList<ReviewedPassage> Passages, IReadOnlyList<ReviewCandidate> Candidates, string? Note);
