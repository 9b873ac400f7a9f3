using Microsoft.Extensions.Logging;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Telemetry;

namespace ReportPipeline.Core.Ingestion;

/// <summary>
/// Gives a failed ingest an owner. The ingestor records on the upload's row why each attempt failed; when no attempt is
/// left (the host's poison queue, or a reprocess), this turns the row into <see cref="IngestionStatus.Failed"/> with that
/// reason code and words for the focal point, counts it, and logs it for the alert. No exception text reaches the row.
/// </summary>
public sealed class IngestionFailures(ISubmissionStore store, TimeProvider time, PipelineMetrics metrics, ILogger<IngestionFailures> logger)
{
    /// <summary>The reason code of a failed attempt: the dependency that failed, a timeout, or anything else.</summary>
    public static string Classify(Exception exception) => exception switch
    {
        ServiceUnavailableException unavailable => unavailable.ReasonCode,
        TimeoutException or OperationCanceledException => ReasonCodes.Timeout,
        _ => ReasonCodes.ProcessingFailed,
    };

    /// <summary>What a focal point reads for a failure: nothing is wrong with the file, and it will be processed again.</summary>
    public static string Message(string reasonCode) => reasonCode switch
    {
        ReasonCodes.OcrUnavailable => "The text recognition service was unavailable, so the scan could not be read yet. The file will be processed again.",
        ReasonCodes.Timeout => "Processing the report took too long. The file will be processed again.",
        _ => "The report could not be processed because of a problem on our side. The file will be processed again; there is no need to upload it again.",
    };

    /// <summary>Records the upload as failed with the last attempt's reason; a row that is settled already is returned as it is.</summary>
    public async Task<UploadRecord> RecordAsync(UploadKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var row = await store.GetUploadAsync(key, cancellationToken);
        if (row is not null && row.Status != IngestionStatus.Processing)
        {
            logger.FailureAlreadySettled(key.BlobName, row.Status);
            return row;
        }

        var code = row?.ReasonCode ?? ReasonCodes.ProcessingFailed;
        var now = time.GetUtcNow();
        var failed = row is null
            ? new UploadRecord(key, IngestionStatus.Failed, code, Message(code), "", -1, 0, DateTimeOffset.MinValue, now)
            : row with { Status = IngestionStatus.Failed, ReasonCode = code, Message = Message(code), ReceivedAt = now };
        await store.RecordUploadAsync(failed, cancellationToken);
        logger.IngestFailed(key.BlobName, code);
        metrics.ReportFailed(code, key.PeriodName);
        return failed;
    }
}
