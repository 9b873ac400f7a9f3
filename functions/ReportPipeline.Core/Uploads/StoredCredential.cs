namespace ReportPipeline.Core.Uploads;

/// <summary>
/// A credential as stored: only a salted hash of the secret, never the secret itself; it stops working at <see cref="ExpiresAt"/>, if
/// set. <see cref="RecentSlots"/> are the times of the slots it was given in the last day (see <see cref="SlotQuota"/>), newest last.
/// </summary>
public sealed record StoredCredential(
    string State, string Id, byte[] Salt, byte[] Hash, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt, DateTimeOffset? ExpiresAt = null,
    IReadOnlyList<DateTimeOffset>? RecentSlots = null)
{
    /// <summary>Neither revoked nor expired at <paramref name="now"/>.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);
}
