using Microsoft.Extensions.Logging;
using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Core;

internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Accepted report of {State} for {Period} as version {Version}, answering {Coverage}")]
    public static partial void ReportAccepted(this ILogger logger, string state, string period, int version, string coverage);

    [LoggerMessage(1002, LogLevel.Warning, "Rejected {BlobName}: {ReasonCode} ({Reason})")]
    public static partial void ReportRejected(this ILogger logger, string blobName, string reasonCode, string reason);

    [LoggerMessage(1003, LogLevel.Information, "{BlobName} was already processed with the same content; nothing to do")]
    public static partial void UploadUnchanged(this ILogger logger, string blobName);

    [LoggerMessage(1004, LogLevel.Warning, "{BlobName} no longer exists; nothing to ingest")]
    public static partial void ReportNotFound(this ILogger logger, string blobName);

    [LoggerMessage(1005, LogLevel.Error, "Ingesting {BlobName} failed ({ReasonCode}); it is tried again, then recorded as failed")]
    public static partial void IngestAttemptFailed(this ILogger logger, Exception exception, string blobName, string reasonCode);

    [LoggerMessage(1006, LogLevel.Warning, "Could not record the failed attempt on {BlobName}")]
    public static partial void AttemptNotRecorded(this ILogger logger, Exception exception, string blobName);

    [LoggerMessage(1007, LogLevel.Error, "Ingesting {BlobName} failed for good: {ReasonCode}; reprocess it once the cause is fixed")]
    public static partial void IngestFailed(this ILogger logger, string blobName, string reasonCode);

    [LoggerMessage(1008, LogLevel.Information, "{BlobName} is {Status} already; its failed attempt changes nothing")]
    public static partial void FailureAlreadySettled(this ILogger logger, string blobName, IngestionStatus status);

    [LoggerMessage(1009, LogLevel.Warning, "{BlobName} stays accepted as it was: extracting it again was refused ({ReasonCode})")]
    public static partial void ReextractionRefused(this ILogger logger, string blobName, string reasonCode);

    [LoggerMessage(1010, LogLevel.Information, "Reconciliation found {Found} upload(s) with no outcome recorded and ingested {Ingested}; {Remaining} left for the next run")]
    public static partial void Reconciled(this ILogger logger, int found, int ingested, int remaining);

    [LoggerMessage(1011, LogLevel.Information, "The layout of {BlobName} was not kept (ingested before layouts were); analysing it once more to keep it")]
    public static partial void LayoutAnalysedAgain(this ILogger logger, string blobName);

    [LoggerMessage(1012, LogLevel.Warning, "The layout of {FileName} ({ContentHash}) is larger than the layout store keeps; the report is analysed at each ingest and read")]
    public static partial void LayoutNotKept(this ILogger logger, string fileName, string contentHash);

    [LoggerMessage(1013, LogLevel.Warning, "The layout kept for {BlobName} ({ContentHash}) cannot be read: {Problem}; the report is analysed again and the kept blob left as it is (remove it to have a new one kept)")]
    public static partial void KeptLayoutUnreadable(this ILogger logger, string blobName, string contentHash, string problem);

    [LoggerMessage(3001, LogLevel.Information, "Published survey edition {Edition} for {Period} ({StatesReporting} states reporting)")]
    public static partial void SurveyPublished(this ILogger logger, string period, string edition, int statesReporting);

    [LoggerMessage(3002, LogLevel.Information, "Survey for {Period} is unchanged since edition {Edition}; nothing published")]
    public static partial void SurveyUnchanged(this ILogger logger, string period, string edition);

    [LoggerMessage(3010, LogLevel.Warning, "Machine translation into {Language} is unavailable; {Passages} excerpt(s) stand in their original language only")]
    public static partial void TranslationUnavailable(this ILogger logger, Exception exception, string language, int passages);

    [LoggerMessage(3003, LogLevel.Warning, "Edition {Edition} of {Period} could not be read as a baseline; the new edition lists no changes")]
    public static partial void BaselineUnreadable(this ILogger logger, string period, string edition);

    [LoggerMessage(6001, LogLevel.Information, "Issued an upload slot to {State} for {Period}: {BlobName}, until {ExpiresAt:u}")]
    public static partial void UploadSlotIssued(this ILogger logger, string state, string period, string blobName, DateTimeOffset expiresAt);

    [LoggerMessage(6002, LogLevel.Warning, "Refused an upload slot to '{State}' for '{Period}': {ReasonCode}")]
    public static partial void UploadSlotRefused(this ILogger logger, string state, string period, string reasonCode);

    [LoggerMessage(6003, LogLevel.Information, "Issued upload credential {CredentialId} to {State}")]
    public static partial void CredentialIssued(this ILogger logger, string state, string credentialId);

    [LoggerMessage(6004, LogLevel.Information, "Revoked {Count} upload credential(s) of {State}")]
    public static partial void CredentialsRevoked(this ILogger logger, string state, int count);
}
