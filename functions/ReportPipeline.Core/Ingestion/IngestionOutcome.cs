namespace ReportPipeline.Core.Ingestion;

/// <summary>The result of ingesting one blob, as the CLI and logs report it.</summary>
public sealed record IngestionOutcome(
    UploadKey Upload,
    IngestionStatus Status,
    string? ReasonCode = null,
    string? Message = null,
    int Version = 0,
    QuestionSet Coverage = default);
