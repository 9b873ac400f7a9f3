using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Telemetry;

namespace ReportPipeline.Core.Uploads;

/// <summary>
/// Issues, lists and revokes Member States' upload credentials (the CLI's <c>credentials</c> command and the staff desk's keys, the
/// same methods), and tells whose a presented key is.
/// </summary>
public sealed class CredentialService(
    ICredentialStore store, MemberStateRegistry states, IOptions<UploadOptions> options, TimeProvider time, ILogger<CredentialService> logger)
{
    private const int MaxExpiryLength = 40;

    /// <summary>Stores a new credential's hash and returns the key, which is shown once and kept nowhere; it never expires.</summary>
    public Task<IssuedCredential> IssueAsync(string state, CancellationToken cancellationToken) => IssueAsync(state, null, cancellationToken);

    /// <summary>As <see cref="IssueAsync(string, CancellationToken)"/>; with <paramref name="expiresAt"/> the key stops working then, as if revoked.</summary>
    public async Task<IssuedCredential> IssueAsync(string state, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var iso3 = Known(state);
        var now = time.GetUtcNow();
        if (expiresAt <= now)
        {
            throw new CredentialRefusedException(ReasonCodes.BadExpiry, $"The expiry {expiresAt:u} is not in the future.", nameof(expiresAt));
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

    /// <summary>Revokes the one credential <paramref name="id"/>, whatever its state, and returns it as it now stands (already revoked: unchanged).</summary>
    public async Task<CredentialSummary> RevokeKeyAsync(string id, CancellationToken cancellationToken)
    {
        var stored = (IsId(id) ? await store.FindAsync(id, cancellationToken) : null)
            ?? throw new CredentialRefusedException(ReasonCodes.UnknownKey, "No upload key has this id.", nameof(id));
        var at = time.GetUtcNow();
        var revoked = await store.RevokeAsync(stored.State, stored.Id, at, cancellationToken);
        logger.CredentialsRevoked(stored.State, revoked);
        // A key revoked already keeps its first revocation's time; no need to read the row again.
        return CredentialSummary.Of(stored with { RevokedAt = stored.RevokedAt ?? at }, at);
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

    /// <summary>The state's credentials (null: every state's), by state and then oldest first; what staff see of them, never a secret.</summary>
    public async Task<IReadOnlyList<CredentialSummary>> ListAsync(string? state, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = await store.ListAsync(state is null ? null : Known(state), cancellationToken);
        return [.. stored.OrderBy(c => c.State, StringComparer.Ordinal).ThenBy(c => c.IssuedAt).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => CredentialSummary.Of(c, now))];
    }

    /// <summary>
    /// An expiry as an operator writes it, read as UTC: a date (<c>2027-06-30</c>, its first moment) or a time (<c>2027-06-30T18:00Z</c>);
    /// null for none.
    /// </summary>
    public static DateTimeOffset? ParseExpiry(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : text.Length <= MaxExpiryLength && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at
        : throw new CredentialRefusedException(ReasonCodes.BadExpiry, $"The expiry '{LogValue.Safe(text)}' is not a date or time, such as 2027-06-30 or 2027-06-30T18:00Z.", "expires");

    private static bool IsId(string? id) => id is { Length: UploadCredential.IdLength } && id.All(char.IsAsciiHexDigitLower);

    private string Known(string state) => states.TryGet(state, out var memberState)
        ? memberState.Iso3
        : throw new CredentialRefusedException(ReasonCodes.UnknownState, $"'{LogValue.Safe(state)}' is not the ISO 3166 alpha-3 code of a UN Member State.", nameof(state));
}
