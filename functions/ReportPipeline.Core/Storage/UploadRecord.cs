using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Core.Storage;

/// <summary>
/// The ledger entry of one uploaded blob: what it was and what became of it. <see cref="UploadedAt"/> is when the
/// state uploaded it (the blob's time, <see cref="DateTimeOffset.MinValue"/> when unknown), <see cref="ReceivedAt"/>
/// when the ledger last recorded it, <see cref="ExtractorVersion"/> the extractor of the answers it was accepted with.
/// </summary>
public sealed record UploadRecord(
    UploadKey Key,
    IngestionStatus Status,
    string? ReasonCode,
    string? Message,
    string ContentHash,
    long Bytes,
    int Version,
    DateTimeOffset UploadedAt,
    DateTimeOffset ReceivedAt,
    string ExtractorVersion = "");
