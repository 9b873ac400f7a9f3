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
