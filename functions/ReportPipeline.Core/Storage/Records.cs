using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Reports;

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

/// <summary>The stored submission, and whether this save changed it.</summary>
public sealed record SubmissionSaveResult(SubmissionRecord Submission, bool Changed);

/// <summary>A stored answer passage of a state's report.</summary>
public sealed record StoredAnswer(
    MemberState State,
    Question Question,
    int Sequence,
    string Text,
    double Confidence,
    string Method,
    IReadOnlyList<Provenance> Provenance,
    IReadOnlyList<string> Themes);

/// <summary>A published edition of the survey for a period.</summary>
public sealed record SurveyEdition(
    Period Period,
    string Edition,
    string ContentHash,
    DateTimeOffset CompiledAt,
    DateTimeOffset SourceChangedAt,
    int StatesReporting,
    IReadOnlyList<string> Files);

/// <summary>A rendered survey file ready to publish.</summary>
public sealed record SurveyFile(string Name, string ContentType, ReadOnlyMemory<byte> Content);

/// <summary>A short-lived, read-only link to one file of a survey edition.</summary>
public sealed record FileLink(string File, Uri Url);

/// <summary>The last change to a period's submissions, which decides whether it needs a new edition.</summary>
public sealed record PeriodActivity(Period Period, DateTimeOffset LastChangedAt);
