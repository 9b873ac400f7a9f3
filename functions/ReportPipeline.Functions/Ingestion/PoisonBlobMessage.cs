using System.Text.Json;

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
