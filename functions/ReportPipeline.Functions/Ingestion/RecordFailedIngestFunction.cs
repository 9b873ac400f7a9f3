using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Storage;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.Functions.Ingestion;

/// <summary>
/// What the blob extension writes to its poison queue when every try of a blob-triggered function failed (Newtonsoft JSON,
/// Base64 like every queue message of the host): <c>{"Type":"BlobTrigger","FunctionId":"Host.Functions.IngestReport",
/// "BlobType":"BlockBlob","ContainerName":"reports","BlobName":"2026-H1/FRA/report.pdf","ETag":"\"0x…\""}</c>.
/// </summary>
public sealed record PoisonBlobMessage(string? FunctionId, string? ContainerName, string? BlobName)
{
    /// <summary>The message, or null when it is not one.</summary>
    public static PoisonBlobMessage? Read(string message)
    {
        try
        {
            return JsonSerializer.Deserialize<PoisonBlobMessage>(message);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether the message names a blob of <paramref name="container"/> that <paramref name="function"/> gave up on.</summary>
    public bool IsFor(string function, string container) =>
        FunctionId?.Split('.')[^1] == function && ContainerName == container && !string.IsNullOrWhiteSpace(BlobName);
}

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
