using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.Functions.Ingestion;

/// <summary>
/// Blob trigger (Event Grid source) on <c>reports/{period}/{state}/{name}</c>: reads the blob's name once and ingests
/// the report. A refused report is recorded and returns normally; transient failures throw so the host retries, and
/// after the last try <see cref="RecordFailedIngestFunction"/> records the failure. The blob is bound as a client,
/// which downloads nothing: the ingestor reads it once, with its upload time.
/// </summary>
public sealed class IngestReportFunction(ReportIngestor ingestor, MemberStateRegistry states, ILogger<IngestReportFunction> logger)
{
    [Function(FunctionNames.IngestReport)]
    public async Task<IngestionOutcome> RunAsync(
        [BlobTrigger(StorageNames.ReportsContainer + "/{period}/{state}/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageNames.ConnectionName)]
        BlobClient report,
        CancellationToken cancellationToken)
    {
        var outcome = await ingestor.IngestAsync(ReportPath.Read(report.Name, states), cancellationToken);
        logger.Ingested(outcome.Upload.BlobName, outcome.Status, outcome.ReasonCode ?? "-");
        return outcome;
    }
}
