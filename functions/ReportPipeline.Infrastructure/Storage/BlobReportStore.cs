using Azure;
using Azure.Storage.Blobs.Models;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>The reports container: names under a prefix, and a report's bytes with the time its content was written.</summary>
public sealed class BlobReportStore(StorageClientFactory clients) : IReportStore
{
    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var container = clients.Blobs.GetBlobContainerClient(StorageNames.ReportsContainer);
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>
    /// One download gives the bytes and their Last-Modified time: for a slot upload (create-only) that is when the blob was
    /// created, and for a blob written again it is when its present content was, which is the upload that counts.
    /// </summary>
    public async Task<StoredReport?> OpenAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var download = await clients.Report(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return new StoredReport(download.Value.Content, download.Value.Details.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
