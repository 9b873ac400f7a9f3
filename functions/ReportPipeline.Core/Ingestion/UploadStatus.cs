namespace ReportPipeline.Core.Ingestion;

/// <summary>
/// One upload as the ledger knows it: its status and reason, the version it became, whether that version is the state's
/// current report, and the extractor whose answers it holds. <see cref="UploadedAt"/> is null when the blob's time is unknown.
/// </summary>
public sealed record UploadStatus(
    string State,
    string BlobName,
    IngestionStatus Status,
    string? ReasonCode,
    string? Message,
    int Version,
    bool Current,
    string ExtractorVersion,
    DateTimeOffset? UploadedAt,
    DateTimeOffset RecordedAt);
