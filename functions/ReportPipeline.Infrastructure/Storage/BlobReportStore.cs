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
    /// The time is the blob's Last-Modified: for a slot upload (create-only) when it was created, and for a blob written
    /// again when its present content was, which is the upload that counts. The stream is read under the ETag those
    /// properties came with, and knows its length, so the ingestor reads it into one buffer of that size.
    /// </summary>
    public async Task<StoredReport?> OpenAsync(string blobName, CancellationToken cancellationToken)
    {
        var blob = clients.Report(blobName);
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            var options = new BlobOpenReadOptions(allowModifications: false) { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } };
            return new StoredReport(await blob.OpenReadAsync(options, cancellationToken), properties.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
