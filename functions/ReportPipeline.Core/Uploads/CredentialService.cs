using Microsoft.Extensions.Logging;
using ReportPipeline.Core.MemberStates;

namespace ReportPipeline.Core.Uploads;

/// <summary>Issues and revokes Member States' upload credentials (the CLI's <c>credentials</c> command), and tells whose a presented key is.</summary>
public sealed class CredentialService(ICredentialStore store, MemberStateRegistry states, TimeProvider time, ILogger<CredentialService> logger)
{
    /// <summary>Stores a new credential's hash and returns the key, which is shown once and kept nowhere.</summary>
    public async Task<IssuedCredential> IssueAsync(string state, CancellationToken cancellationToken)
    {
        var iso3 = Known(state);
        var (issued, stored) = UploadCredential.Create(iso3, time.GetUtcNow());
        await store.AddAsync(stored, cancellationToken);
        logger.CredentialIssued(iso3, issued.Id);
        return issued;
    }

    /// <summary>Revokes every active credential of the state, or only <paramref name="id"/>; returns how many.</summary>
    public async Task<int> RevokeAsync(string state, string? id, CancellationToken cancellationToken)
    {
        var iso3 = Known(state);
        var revoked = await store.RevokeAsync(iso3, id, time.GetUtcNow(), cancellationToken);
        logger.CredentialsRevoked(iso3, revoked);
        return revoked;
    }

    /// <summary>
    /// The Member State whose valid, unrevoked key <paramref name="key"/> is; null for anything else, whatever the reason, so a
    /// caller learns nothing from a refusal. The key alone names its state: a state's portal never says which state it is.
    /// </summary>
    public async Task<MemberState?> AuthenticateAsync(string? key, CancellationToken cancellationToken)
    {
        if (!UploadCredential.TryParse(key, out var id, out var secret))
        {
            return null;
        }

        var stored = await store.FindAsync(id, cancellationToken);
        return stored is { RevokedAt: null } && UploadCredential.Verify(stored, secret) && states.TryGet(stored.State, out var state) ? state : null;
    }

    public Task<IReadOnlyList<StoredCredential>> ListAsync(string state, CancellationToken cancellationToken) =>
        store.ListAsync(Known(state), cancellationToken);

    private string Known(string state) => states.TryGet(state, out var memberState)
        ? memberState.Iso3
        : throw new ArgumentException($"'{state}' is not the ISO 3166 alpha-3 code of a UN Member State.", nameof(state));
}
