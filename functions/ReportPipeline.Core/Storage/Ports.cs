using ReportPipeline.Core.Extraction;
using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Core.Storage;

/// <summary>The normalised store of uploads, submissions and answers (Azure Table Storage in production).</summary>
public interface ISubmissionStore
{
    Task<UploadRecord?> GetUploadAsync(UploadKey key, CancellationToken cancellationToken);

    Task RecordUploadAsync(UploadRecord upload, CancellationToken cancellationToken);

    Task<SubmissionRecord?> GetSubmissionAsync(SubmissionKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a report as the state's current submission and returns it with its version.
    /// Storing the bytes already current changes nothing and returns the stored record.
    /// </summary>
    Task<SubmissionSaveResult> SaveSubmissionAsync(SubmissionRecord submission, ExtractedReport report, CancellationToken cancellationToken);

    Task<IReadOnlyList<SubmissionRecord>> ListSubmissionsAsync(Period period, CancellationToken cancellationToken);

    /// <summary>The answers of every state's current submission for a period.</summary>
    Task<IReadOnlyList<StoredAnswer>> ListCurrentAnswersAsync(Period period, CancellationToken cancellationToken);

    /// <summary>The answers of the given current submissions, as <see cref="ListSubmissionsAsync"/> returned them, without reading them again.</summary>
    Task<IReadOnlyList<StoredAnswer>> ListCurrentAnswersAsync(Period period, IReadOnlyList<SubmissionRecord> current, CancellationToken cancellationToken);

    Task<IReadOnlyList<PeriodActivity>> ListPeriodActivityAsync(CancellationToken cancellationToken);

    /// <summary>Every stored version of a state's report for a period, oldest first; the last is the current one.</summary>
    Task<IReadOnlyList<SubmissionRecord>> ListVersionsAsync(SubmissionKey key, CancellationToken cancellationToken);

    /// <summary>The answers of one version of a state's report, identified by its content hash; superseded versions stay readable.</summary>
    Task<IReadOnlyList<StoredAnswer>> ListAnswersAsync(SubmissionKey key, string contentHash, CancellationToken cancellationToken);
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

    Task PublishAsync(SurveyEdition edition, IReadOnlyList<SurveyFile> files, CancellationToken cancellationToken);

    Task<ReadOnlyMemory<byte>?> ReadFileAsync(SurveyEdition edition, string fileName, CancellationToken cancellationToken);

    /// <summary>Read-only links to every file of an edition, valid for <paramref name="lifetime"/>.</summary>
    Task<IReadOnlyList<FileLink>> IssueReadLinksAsync(SurveyEdition edition, TimeSpan lifetime, CancellationToken cancellationToken);
}
