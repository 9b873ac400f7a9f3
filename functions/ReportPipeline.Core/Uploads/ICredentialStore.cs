namespace ReportPipeline.Core.Uploads;

/// <summary>Member States' upload credentials, one row per credential under the state's code.</summary>
public interface ICredentialStore
{
    Task AddAsync(StoredCredential credential, CancellationToken cancellationToken);

    /// <summary>The credential with this id, whatever its state; null when there is none.</summary>
    Task<StoredCredential?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The state's credentials, or every state's when <paramref name="state"/> is null.</summary>
    Task<IReadOnlyList<StoredCredential>> ListAsync(string? state, CancellationToken cancellationToken);

    /// <summary>
    /// Records one more upload slot for the credential when <paramref name="take"/> allows it: given the times of the slots
    /// recorded so far, it returns the times to keep, or null to refuse. When another request recorded a slot meanwhile, it is
    /// asked again with that one included. False when refused (or the credential is gone).
    /// </summary>
    Task<bool> TryTakeSlotAsync(string state, string id, Func<IReadOnlyList<DateTimeOffset>, IReadOnlyList<DateTimeOffset>?> take, CancellationToken cancellationToken);

    /// <summary>Marks the state's active credentials (or only <paramref name="id"/>) revoked; returns how many changed.</summary>
    Task<int> RevokeAsync(string state, string? id, DateTimeOffset at, CancellationToken cancellationToken);
}
