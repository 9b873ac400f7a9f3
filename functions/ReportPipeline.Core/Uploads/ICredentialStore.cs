namespace ReportPipeline.Core.Uploads;

/// <summary>Member States' upload credentials, one row per credential under the state's code.</summary>
public interface ICredentialStore
{
    Task AddAsync(StoredCredential credential, CancellationToken cancellationToken);

    /// <summary>The credential with this id, whatever its state; null when there is none.</summary>
    Task<StoredCredential?> FindAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredCredential>> ListAsync(string state, CancellationToken cancellationToken);

    /// <summary>Marks the state's active credentials (or only <paramref name="id"/>) revoked; returns how many changed.</summary>
    Task<int> RevokeAsync(string state, string? id, DateTimeOffset at, CancellationToken cancellationToken);
}
