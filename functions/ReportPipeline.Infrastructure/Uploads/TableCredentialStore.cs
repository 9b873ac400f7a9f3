using System.Buffers.Binary;
using Azure;
using Azure.Data.Tables;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.Infrastructure.Uploads;

/// <summary>
/// The <c>Credentials</c> table: PK ISO3, RK credential id; Salt and Hash (binary), IssuedAt, RevokedAt, ExpiresAt (none: never), and RecentSlots;
/// and PK <see cref="IdIndexPartition"/>, RK credential id, State: the index that finds a presented key's row without a scan.
/// Revoked rows stay, so who could upload when remains auditable.
/// </summary>
public sealed class TableCredentialStore(StorageClientFactory clients) : ICredentialStore
{
    /// <summary>The partition of the id index: RK the credential id, column State. No state's code has a tilde.</summary>
    public const string IdIndexPartition = "~id";

    private const int MaxSlotAttempts = 8;
    private readonly TableClient _table = clients.Tables.GetTableClient(StorageNames.CredentialsTable);

    public async Task AddAsync(StoredCredential credential, CancellationToken cancellationToken)
    {
        // The index first: a credential row is never there without the row that finds it.
        await _table.AddEntityAsync(IndexRow(credential.State, credential.Id), cancellationToken);
        await _table.AddEntityAsync(new TableEntity(TableKeys.Checked(credential.State), TableKeys.Checked(credential.Id))
        {
            [Columns.Salt] = credential.Salt,
            [Columns.Hash] = credential.Hash,
            [Columns.IssuedAt] = credential.IssuedAt,
            [Columns.RevokedAt] = credential.RevokedAt,
            [Columns.ExpiresAt] = credential.ExpiresAt,
        }, cancellationToken);
    }

    /// <summary>Two point reads: the id's index row names the state, whose partition holds the credential. An unknown id costs one.</summary>
    public async Task<StoredCredential?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var index = await _table.GetEntityIfExistsAsync<TableEntity>(IdIndexPartition, TableKeys.Checked(id), cancellationToken: cancellationToken);
        if (!index.HasValue || index.Value!.GetString(Columns.State) is not { Length: > 0 } state)
        {
            return null;
        }

        var found = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Checked(state), id, cancellationToken: cancellationToken);
        return found.HasValue ? ToCredential(found.Value!) : null;
    }

    /// <summary>
    /// Writes the index row of every credential issued before there was an index (one scan, once per host start of the CLI that
    /// issues keys); returns how many it added.
    /// </summary>
    public async Task<int> IndexExistingAsync(CancellationToken cancellationToken)
    {
        var indexed = new HashSet<string>(StringComparer.Ordinal);
        var credentials = new List<(string State, string Id)>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(select: [nameof(TableEntity.PartitionKey), nameof(TableEntity.RowKey)], cancellationToken: cancellationToken))
        {
            if (entity.PartitionKey == IdIndexPartition)
            {
                indexed.Add(entity.RowKey);
            }
            else
            {
                credentials.Add((entity.PartitionKey, entity.RowKey));
            }
        }

        var added = 0;
        foreach (var (state, id) in credentials.Where(c => !indexed.Contains(c.Id)))
        {
            await _table.UpsertEntityAsync(IndexRow(state, id), TableUpdateMode.Replace, cancellationToken);
            added++;
        }

        return added;
    }

    /// <summary>One partition for a state; for every state one query of the table (a few keys per state), the id index left out.</summary>
    public async Task<IReadOnlyList<StoredCredential>> ListAsync(string? state, CancellationToken cancellationToken)
    {
        var list = new List<StoredCredential>();
        var rows = state is null
            ? _table.QueryAsync<TableEntity>(e => e.PartitionKey != IdIndexPartition, cancellationToken: cancellationToken)
            : _table.QueryAsync<TableEntity>(e => e.PartitionKey == TableKeys.Checked(state), cancellationToken: cancellationToken);
        await foreach (var entity in rows)
        {
            list.Add(ToCredential(entity));
        }

        return list;
    }

    public async Task<bool> TryTakeSlotAsync(
        string state, string id, Func<IReadOnlyList<DateTimeOffset>, IReadOnlyList<DateTimeOffset>?> take, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxSlotAttempts; attempt++)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Checked(state), TableKeys.Checked(id), cancellationToken: cancellationToken);
            if (!found.HasValue || take(ReadTimes(found.Value!.GetBinary(Columns.RecentSlots))) is not { } kept)
            {
                return false;
            }

            var entity = new TableEntity(found.Value.PartitionKey, found.Value.RowKey) { [Columns.RecentSlots] = WriteTimes(kept) };
            try
            {
                await _table.UpdateEntityAsync(entity, found.Value.ETag, TableUpdateMode.Merge, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another request of the same key took a slot meanwhile: count again with it.
            }
        }

        // Requests of one key racing this hard are not a state sending its report.
        return false;
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

    private static TableEntity IndexRow(string state, string id) =>
        new(IdIndexPartition, TableKeys.Checked(id)) { [Columns.State] = TableKeys.Checked(state) };

    private static List<DateTimeOffset> ReadTimes(byte[]? bytes) =>
        bytes is null ? [] : [.. Enumerable.Range(0, bytes.Length / sizeof(long))
            .Select(i => DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i * sizeof(long)))))];

    private static byte[] WriteTimes(IReadOnlyList<DateTimeOffset> times)
    {
        var bytes = new byte[times.Count * sizeof(long)];
        for (var i = 0; i < times.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), times[i].ToUnixTimeMilliseconds());
        }

        return bytes;
    }

    private static StoredCredential ToCredential(TableEntity e) => new(
        e.PartitionKey, e.RowKey, e.GetBinary(Columns.Salt), e.GetBinary(Columns.Hash), e.GetDateTimeOffset(Columns.IssuedAt) ?? DateTimeOffset.MinValue, e.GetDateTimeOffset(Columns.RevokedAt),
        e.GetDateTimeOffset(Columns.ExpiresAt), ReadTimes(e.GetBinary(Columns.RecentSlots)));
}
