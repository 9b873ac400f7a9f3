namespace ReportPipeline.Core.Storage;

/// <summary>
/// A state's report for a period, as stored. <see cref="UploadedAt"/> (the blob's time) orders a state's versions: the
/// latest upload is current. <see cref="ReceivedAt"/> is when this version's answers were stored, by the extractor
/// <see cref="ExtractorVersion"/> (empty for versions stored before extractor versions were recorded).
/// </summary>
public sealed record SubmissionRecord(
    SubmissionKey Key,
    string ContentHash,
    string BlobName,
    string Format,
    string Language,
    int Pages,
    QuestionSet Coverage,
    IReadOnlyList<string> Warnings,
    DateTimeOffset UploadedAt,
    DateTimeOffset ReceivedAt,
    string ExtractorVersion,
    int Version = 0);
