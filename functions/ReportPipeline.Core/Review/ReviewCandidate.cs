namespace ReportPipeline.Core.Review;

/// <summary>A paragraph offered for a question that has no accepted passage, with the score that ranked it.</summary>
public sealed record ReviewCandidate(string Id, int Page, int Paragraph, string Text, double Score);
