using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Storage;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.Functions.Ingestion;

/// <summary>
/// Queue trigger on <c>webjobs-blobtrigger-poison</c> in the <c>PipelineStorage</c> account, where the blob extension puts a
/// blob once IngestReport failed on it <c>poisonBlobThreshold</c> times (the poison queue of a blob trigger lives in the
/// storage account of the trigger's connection): records the upload as Failed with the reason its last attempt met.
/// </summary>
public sealed class RecordFailedIngestFunction(IngestionFailures failures, MemberStateRegistry states, ILogger<RecordFailedIngestFunction> logger)
{
    public const string PoisonQueue = "webjobs-blobtrigger-poison";

    [Function(FunctionNames.RecordFailedIngest)]
    public async Task<UploadRecord?> RunAsync(
        [QueueTrigger(PoisonQueue, Connection = StorageNames.ConnectionName)] string message,
        CancellationToken cancellationToken)
    {
        if (PoisonBlobMessage.Read(message) is not { } poison || !poison.IsFor(FunctionNames.IngestReport, StorageNames.ReportsContainer))
        {
            logger.PoisonMessageIgnored(message.Length > 300 ? message[..300] : message);
            return null;
        }

        return await failures.RecordAsync(ReportPath.Read(poison.BlobName!, states).Key, cancellationToken);
    }
}
