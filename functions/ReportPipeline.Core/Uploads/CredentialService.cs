using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.MemberStates;

namespace ReportPipeline.Core.Uploads;

/// <summary>Issues and revokes Member States' upload credentials (the CLI's <c>credentials</c> command), and tells whose a presented key is.</summary>
public sealed class CredentialService(
    ICredentialStore store, MemberStateRegistry states, IOptions<UploadOptions> options, TimeProvider time, ILogger<CredentialService> logger)
{
    /// <summary>Stores a new credential's hash and returns the key, which is shown once and kept nowhere; it never expires.</summary>
    public Task<IssuedCredential> IssueAsync(string state, CancellationToken cancellationToken) => IssueAsync(state, null, cancellationToken);

    /// <summary>As <see cref="IssueAsync(string, CancellationToken)"/>; with <paramref name="expiresAt"/> the key stops working then, as if revoked.</summary>
    public async Task<IssuedCredential> IssueAsync(string state, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var iso3 = Known(state);
        var now = time.GetUtcNow();
        if (expiresAt <= now)
        {
            throw new ArgumentException($"The expiry {expiresAt:u} is not in the future.", nameof(expiresAt));
        }

        var (issued, stored) = UploadCredential.Create(iso3, now, expiresAt);
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
        return stored is not null && stored.IsActive(time.GetUtcNow()) && UploadCredential.Verify(stored, secret) && states.TryGet(stored.State, out var state) ? state : null;
    }

    /// <summary>
    /// Counts one upload slot against the key <paramref name="id"/> of <paramref name="state"/> (see <see cref="SlotQuota"/>): null
    /// when it is given, else the time the key may next be given one.
    /// </summary>
    public async Task<DateTimeOffset?> TakeSlotAsync(string state, string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? refusedUntil = null;
        var taken = await store.TryTakeSlotAsync(state, id, given =>
        {
            var kept = SlotQuota.Take(given, now, options.Value);
            refusedUntil = kept is null ? SlotQuota.NextAt(given, now, options.Value) : null;
            return kept;
        }, cancellationToken);
        return taken ? null : refusedUntil ?? now + SlotQuota.Hour;
    }

    public Task<IReadOnlyList<StoredCredential>> ListAsync(string state, CancellationToken cancellationToken) =>
        store.ListAsync(Known(state), cancellationToken);

    private string Known(string state) => states.TryGet(state, out var memberState)
        ? memberState.Iso3
        : throw new ArgumentException($"'{state}' is not the ISO 3166 alpha-3 code of a UN Member State.", nameof(state));
}
