namespace ReportPipeline.Core.Uploads;

/// <summary>
/// What staff see of an upload key: never its secret or hash. <see cref="Status"/> is <c>active</c>, <c>expired</c> or <c>revoked</c>;
/// the slot figures come from the times kept for the key's rate limit, so the last slot is known and the counts cover the last day.
/// </summary>
public sealed record CredentialSummary(
    string Id, string State, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string Status,
    DateTimeOffset? LastSlotAt, int SlotsLastHour, int SlotsLastDay)
{
    public static CredentialSummary Of(StoredCredential credential, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var slots = credential.RecentSlots ?? [];
        var status = credential.RevokedAt is not null ? "revoked" : credential.IsActive(now) ? "active" : "expired";
        return new(credential.Id, credential.State, credential.IssuedAt, credential.ExpiresAt, credential.RevokedAt, status,
            slots.Count > 0 ? slots.Max() : null, slots.Count(t => t > now - SlotQuota.Hour && t <= now), slots.Count(t => t > now - SlotQuota.Day && t <= now));
    }
}
