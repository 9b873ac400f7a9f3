using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Review;

/// <summary>A state's current report with its review applied, and its review status (stale included).</summary>
public sealed record ReviewedState(SubmissionRecord Submission, ReviewedReport Report, string Status);
