using ReportPipeline.Infrastructure.Uploads;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>
/// Creates the containers and tables where infrastructure as code has not (Azurite, a fresh account), and indexes upload
/// keys issued before keys were found by their id's index row (every CLI command that touches storage runs this first).
/// </summary>
public sealed class StorageProvisioner(StorageClientFactory clients)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var container in StorageNames.Containers)
        {
            await clients.Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var table in StorageNames.Tables)
        {
            await clients.Tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }

        await new TableCredentialStore(clients).IndexExistingAsync(cancellationToken);
    }
}
