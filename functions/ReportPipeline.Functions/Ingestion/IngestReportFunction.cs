using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Functions.Ingestion;

/// <summary>
/// Blob trigger (Event Grid source) on <c>reports/{period}/{state}/{name}</c>: ingests one uploaded report.
/// A refused report is recorded and returns normally; transient failures throw so the host retries.
/// </summary>
public sealed class IngestReportFunction(ReportIngestor ingestor, ILogger<IngestReportFunction> logger)
{
    [Function(FunctionNames.IngestReport)]
    public async Task<IngestionOutcome> RunAsync(
        [BlobTrigger("reports/{period}/{state}/{name}", Source = BlobTriggerSource.EventGrid, Connection = "PipelineStorage")] Stream report,
        string period,
        string state,
        string name,
        CancellationToken cancellationToken)
    {
        var outcome = await ingestor.IngestAsync($"{period}/{state}/{name}", report, cancellationToken);
        logger.Ingested(outcome.BlobName, outcome.Status, outcome.ReasonCode ?? "-");
        return outcome;
    }
}
