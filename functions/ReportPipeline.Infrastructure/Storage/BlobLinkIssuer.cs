using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>
/// Read-only SAS links to one blob. With an account key (Azurite) the key signs; in Azure, where shared keys
/// are off, a user-delegation key obtained by the managed identity signs, and links are https-only.
/// </summary>
public sealed class BlobLinkIssuer(StorageClientFactory clients, TimeProvider time) : IBlobLinkIssuer
{
    private static readonly TimeSpan s_clockSkew = TimeSpan.FromMinutes(5);

    public async Task<Uri> IssueReadLinkAsync(string container, string blobName, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var blob = clients.Blobs.GetBlobContainerClient(container).GetBlobClient(blobName);
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, now + lifetime)
        {
            BlobContainerName = container,
            BlobName = blobName,
            Resource = "b",
            StartsOn = now - s_clockSkew,
        };
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        sas.Protocol = SasProtocol.Https;
        UserDelegationKey key = await clients.Blobs.GetUserDelegationKeyAsync(now - s_clockSkew, now + lifetime, cancellationToken);
        return new Azure.Storage.Blobs.BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, clients.Blobs.AccountName) }.ToUri();
    }
}
