using Azure.Storage.Sas;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.Infrastructure.Uploads;

/// <summary>
/// Create-only SAS for one blob of the reports container. Create (<c>c</c>) lets the holder write the blob
/// only while it does not exist: no overwrite, read, list or delete.
/// </summary>
public sealed class BlobUploadSlotIssuer(StorageClientFactory clients, TimeProvider time) : IUploadSlotIssuer
{
    public Task<Uri> IssueCreateOnlyAsync(ReportPath path, DateTimeOffset expiresOn, CancellationToken cancellationToken) =>
        BlobSas.IssueAsync(clients.Blobs, clients.Report(path.BlobName), BlobSasPermissions.Create, time.GetUtcNow(), expiresOn, cancellationToken);
}
