namespace ReportPipeline.Core.Storage;

/// <summary>The stored submission, and whether this save changed it.</summary>
public sealed record SubmissionSaveResult(SubmissionRecord Submission, bool Changed);
