using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.Infrastructure.Uploads;

/// <summary>
/// Create-only SAS for one blob of the reports container. Create (<c>c</c>) lets the holder write the blob
/// only while it does not exist: no overwrite, read, list or delete. With an account key (Azurite) the key
/// signs; in Azure, where shared keys are off, a user-delegation key from the managed identity signs
/// (Storage Blob Delegator), and the SAS is https-only.
/// </summary>
public sealed class BlobUploadSlotIssuer(StorageClientFactory clients) : IUploadSlotIssuer
{
    public async Task<Uri> IssueCreateOnlyAsync(string blobName, DateTimeOffset startsOn, DateTimeOffset expiresOn, CancellationToken cancellationToken)
    {
        var blob = clients.Blobs.GetBlobContainerClient(StorageNames.ReportsContainer).GetBlobClient(blobName);
        var sas = new BlobSasBuilder(BlobSasPermissions.Create, expiresOn)
        {
            BlobContainerName = StorageNames.ReportsContainer,
            BlobName = blobName,
            Resource = "b",
            StartsOn = startsOn,
        };
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        sas.Protocol = SasProtocol.Https;
        UserDelegationKey key = await clients.Blobs.GetUserDelegationKeyAsync(startsOn, expiresOn, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, clients.Blobs.AccountName) }.ToUri();
    }
}
