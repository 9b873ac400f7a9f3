using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>
/// Signs a SAS for one blob. With an account key (Azurite) the key signs; in Azure, where shared keys are off, a
/// user-delegation key obtained by the managed identity signs (Storage Blob Delegator), and the SAS is https-only.
/// </summary>
public static class BlobSas
{
    /// <summary>A SAS starts this much before now, so a client whose clock runs behind the service's can use it at once.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static async Task<Uri> IssueAsync(
        BlobServiceClient service, BlobClient blob, BlobSasPermissions permissions, DateTimeOffset now, DateTimeOffset expiresOn, CancellationToken cancellationToken)
    {
        var sas = new BlobSasBuilder(permissions, expiresOn)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now - ClockSkew,
        };
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        sas.Protocol = SasProtocol.Https;
        UserDelegationKey key = await service.GetUserDelegationKeyAsync(sas.StartsOn, expiresOn, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, service.AccountName) }.ToUri();
    }
}
