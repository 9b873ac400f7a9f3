using ReportPipeline.Core.Extraction;

namespace ReportPipeline.Core.Storage;

/// <summary>The normalised store of uploads, submissions and answers (Azure Table Storage in production).</summary>
public interface ISubmissionStore
{
    Task<UploadRecord?> GetUploadAsync(string period, string state, string blobName, CancellationToken cancellationToken);

    Task RecordUploadAsync(UploadRecord upload, CancellationToken cancellationToken);

    Task<SubmissionRecord?> GetSubmissionAsync(string period, string iso3, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a report as the state's current submission and returns it with its version.
    /// Storing the bytes already current changes nothing and returns the stored record.
    /// </summary>
    Task<SubmissionSaveResult> SaveSubmissionAsync(SubmissionRecord submission, ExtractedReport report, CancellationToken cancellationToken);

    Task<IReadOnlyList<SubmissionRecord>> ListSubmissionsAsync(string period, CancellationToken cancellationToken);

    /// <summary>The answers of every state's current submission for a period.</summary>
    Task<IReadOnlyList<StoredAnswer>> ListCurrentAnswersAsync(string period, CancellationToken cancellationToken);

    /// <summary>The answers of the given current submissions, as <see cref="ListSubmissionsAsync"/> returned them, without reading them again.</summary>
    Task<IReadOnlyList<StoredAnswer>> ListCurrentAnswersAsync(string period, IReadOnlyList<SubmissionRecord> current, CancellationToken cancellationToken);

    Task<IReadOnlyList<PeriodActivity>> ListPeriodActivityAsync(CancellationToken cancellationToken);

    /// <summary>Every stored version of a state's report for a period, oldest first; the last is the current one.</summary>
    Task<IReadOnlyList<SubmissionRecord>> ListVersionsAsync(string period, string iso3, CancellationToken cancellationToken);

    /// <summary>The answers of one version of a state's report, identified by its content hash; superseded versions stay readable.</summary>
    Task<IReadOnlyList<StoredAnswer>> ListAnswersAsync(string period, string iso3, string contentHash, CancellationToken cancellationToken);
}

/// <summary>Keeps a copy of a refused report, with the reason, beside the original.</summary>
public interface IReportQuarantine
{
    Task QuarantineAsync(string blobName, ReadOnlyMemory<byte> content, string reasonCode, string message, CancellationToken cancellationToken);
}

/// <summary>Published survey editions (blobs plus an index).</summary>
public interface ISurveyStore
{
    Task<SurveyEdition?> GetLatestEditionAsync(string period, CancellationToken cancellationToken);

    Task PublishAsync(SurveyEdition edition, IReadOnlyList<SurveyFile> files, CancellationToken cancellationToken);

    Task<ReadOnlyMemory<byte>?> ReadFileAsync(string period, string edition, string fileName, CancellationToken cancellationToken);
}

/// <summary>Issues short-lived, read-only links to single blobs.</summary>
public interface IBlobLinkIssuer
{
    Task<Uri> IssueReadLinkAsync(string container, string blobName, TimeSpan lifetime, CancellationToken cancellationToken);
}
