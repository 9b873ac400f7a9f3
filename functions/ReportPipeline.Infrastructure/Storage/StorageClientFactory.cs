using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>
/// Builds the storage clients from the <c>PipelineStorage</c> setting: a connection string (Azurite), or
/// identity-based <c>__blobServiceUri</c>/<c>__tableServiceUri</c>/<c>__clientId</c> as the Functions host reads them.
/// </summary>
public sealed class StorageClientFactory
{
    private const int MaxRetries = 3;

    public StorageClientFactory(IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageNames.ConnectionName);
        var blobOptions = new BlobClientOptions();
        var tableOptions = new TableClientOptions();
        Configure(blobOptions.Retry);
        Configure(tableOptions.Retry);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            Blobs = new BlobServiceClient(section.Value, blobOptions);
            Tables = new TableServiceClient(section.Value, tableOptions);
            return;
        }

        var blobUri = section["blobServiceUri"] ?? throw new InvalidOperationException(
            $"Set {StorageNames.ConnectionName} to a connection string, or {StorageNames.ConnectionName}__blobServiceUri and __tableServiceUri.");
        var tableUri = section["tableServiceUri"] ?? throw new InvalidOperationException($"Set {StorageNames.ConnectionName}__tableServiceUri.");
        var credential = AzureCredentials.For(section["clientId"]);
        Blobs = new BlobServiceClient(new Uri(blobUri), credential, blobOptions);
        Tables = new TableServiceClient(new Uri(tableUri), credential, tableOptions);
    }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    /// <summary>The blob of an uploaded report, by its name in the reports container.</summary>
    public BlobClient Report(string blobName) => Blobs.GetBlobContainerClient(StorageNames.ReportsContainer).GetBlobClient(blobName);

    /// <summary>The SDK owns HTTP transients: three retries, exponential from 0.8 s.</summary>
    private static void Configure(RetryOptions retry)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = MaxRetries;
        retry.Delay = TimeSpan.FromMilliseconds(800);
        retry.MaxDelay = TimeSpan.FromSeconds(10);
    }
}
