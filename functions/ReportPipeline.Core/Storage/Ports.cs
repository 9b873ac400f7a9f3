using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Core.Storage;

/// <summary>The normalised store of uploads, submissions and answers (Azure Table Storage in production).</summary>
public interface ISubmissionStore
{
    Task<UploadRecord?> GetUploadAsync(UploadKey key, CancellationToken cancellationToken);

    Task RecordUploadAsync(UploadRecord upload, CancellationToken cancellationToken);

    /// <summary>The ledger rows of a period, or of one state's uploads in it (the state as the blob names it).</summary>
    Task<IReadOnlyList<UploadRecord>> ListUploadsAsync(Period period, string? state, CancellationToken cancellationToken);

    Task<SubmissionRecord?> GetSubmissionAsync(SubmissionKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a report among the state's versions as <see cref="SubmissionRules"/> place it and returns it with its version:
    /// the latest upload is current, an older one that arrives later is history. Storing the bytes of a stored version
    /// by the same extractor changes nothing; by another extractor it replaces that version's answers, keeping its number.
    /// </summary>
    Task<SubmissionSaveResult> SaveSubmissionAsync(SubmissionRecord submission, ExtractedReport report, CancellationToken cancellationToken);

    Task<IReadOnlyList<SubmissionRecord>> ListSubmissionsAsync(Period period, CancellationToken cancellationToken);

    /// <summary>The answers of every state's current submission for a period.</summary>
    Task<IReadOnlyList<StoredAnswer>> ListCurrentAnswersAsync(Period period, CancellationToken cancellationToken);

    /// <summary>The answers of the given current submissions, as <see cref="ListSubmissionsAsync"/> returned them, without reading them again.</summary>
    Task<IReadOnlyList<StoredAnswer>> ListCurrentAnswersAsync(Period period, IReadOnlyList<SubmissionRecord> current, CancellationToken cancellationToken);

    Task<IReadOnlyList<PeriodActivity>> ListPeriodActivityAsync(CancellationToken cancellationToken);

    /// <summary>Every stored version of a state's report for a period in upload order; the last is the current one.</summary>
    Task<IReadOnlyList<SubmissionRecord>> ListVersionsAsync(SubmissionKey key, CancellationToken cancellationToken);

    /// <summary>The answers of one stored version (its content hash and extractor); superseded versions stay readable.</summary>
    Task<IReadOnlyList<StoredAnswer>> ListAnswersAsync(SubmissionRecord version, CancellationToken cancellationToken);
}

/// <summary>The uploaded reports themselves: their names under a prefix, and each one's bytes with the time it was uploaded.</summary>
public interface IReportStore
{
    /// <summary>Names of the stored reports that start with <paramref name="prefix"/> (<c>""</c>, <c>2026-H1/</c>, <c>2026-H1/FRA/</c>).</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>The report's content, or null when no blob has that name.</summary>
    Task<StoredReport?> OpenAsync(string blobName, CancellationToken cancellationToken);
}

/// <summary>
/// A stored report being read: its bytes, and when it was uploaded (the time its content was last written, which for a
/// create-only upload slot is when it was created).
/// </summary>
public sealed record StoredReport(Stream Content, DateTimeOffset UploadedAt) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>Where a stored report lies, relative to the storage account, as the survey cites its sources.</summary>
public interface IReportLocator
{
    string Locate(string blobName);
}

/// <summary>Keeps a copy of a refused report, with the reason, beside the original.</summary>
public interface IReportQuarantine
{
    Task QuarantineAsync(UploadKey upload, ReadOnlyMemory<byte> content, string reasonCode, string message, CancellationToken cancellationToken);
}

/// <summary>Published survey editions: their files, an index of editions, and short-lived links to read them.</summary>
public interface ISurveyStore
{
    Task<SurveyEdition?> GetLatestEditionAsync(Period period, CancellationToken cancellationToken);

    /// <summary>Every edition of a period, newest first.</summary>
    Task<IReadOnlyList<SurveyEdition>> ListEditionsAsync(Period period, CancellationToken cancellationToken);

    Task PublishAsync(SurveyEdition edition, IReadOnlyList<SurveyFile> files, CancellationToken cancellationToken);

    Task<ReadOnlyMemory<byte>?> ReadFileAsync(SurveyEdition edition, string fileName, CancellationToken cancellationToken);

    /// <summary>Read-only links to every file of an edition, valid for <paramref name="lifetime"/>.</summary>
    Task<IReadOnlyList<FileLink>> IssueReadLinksAsync(SurveyEdition edition, TimeSpan lifetime, CancellationToken cancellationToken);
}
