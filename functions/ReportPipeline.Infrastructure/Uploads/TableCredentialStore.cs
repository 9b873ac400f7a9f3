using Azure;
using Azure.Data.Tables;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.Infrastructure.Uploads;

/// <summary>
/// The <c>Credentials</c> table: PK ISO3, RK credential id; Salt and Hash (binary), IssuedAt, RevokedAt.
/// Revoked rows stay, so who could upload when remains auditable.
/// </summary>
public sealed class TableCredentialStore(StorageClientFactory clients) : ICredentialStore
{
    private readonly TableClient _table = clients.Tables.GetTableClient(StorageNames.CredentialsTable);

    public Task AddAsync(StoredCredential credential, CancellationToken cancellationToken) =>
        _table.AddEntityAsync(new TableEntity(TableKeys.Checked(credential.State), TableKeys.Checked(credential.Id))
        {
            [Columns.Salt] = credential.Salt,
            [Columns.Hash] = credential.Hash,
            [Columns.IssuedAt] = credential.IssuedAt,
            [Columns.RevokedAt] = credential.RevokedAt,
        }, cancellationToken);

    public async Task<StoredCredential?> FindAsync(string id, CancellationToken cancellationToken)
    {
        // A scan of one small table (a few keys per state): the key names its id, not its state.
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.RowKey == id, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return ToCredential(entity);
        }

        return null;
    }

    public async Task<IReadOnlyList<StoredCredential>> ListAsync(string state, CancellationToken cancellationToken)
    {
        var list = new List<StoredCredential>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == state, cancellationToken: cancellationToken))
        {
            list.Add(ToCredential(entity));
        }

        return list;
    }

    public async Task<int> RevokeAsync(string state, string? id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var revoked = 0;
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == state, cancellationToken: cancellationToken))
        {
            if ((id is null || entity.RowKey == id) && entity.GetDateTimeOffset(Columns.RevokedAt) is null)
            {
                entity[Columns.RevokedAt] = at;
                try
                {
                    await _table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Merge, cancellationToken);
                    revoked++;
                }
                catch (RequestFailedException e) when (e.Status == 412)
                {
                    // Someone else changed the row meanwhile; a concurrent revocation is the only writer of existing rows.
                }
            }
        }

        return revoked;
    }

    private static StoredCredential ToCredential(TableEntity e) => new(
        e.PartitionKey, e.RowKey, e.GetBinary(Columns.Salt), e.GetBinary(Columns.Hash), e.GetDateTimeOffset(Columns.IssuedAt) ?? DateTimeOffset.MinValue, e.GetDateTimeOffset(Columns.RevokedAt));
}
