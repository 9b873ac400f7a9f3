namespace ReportPipeline.Core.Storage;

/// <summary>The version a save stores, and where it lands.</summary>
public sealed record SubmissionPlan(Placement Placement, SubmissionRecord Stored);
