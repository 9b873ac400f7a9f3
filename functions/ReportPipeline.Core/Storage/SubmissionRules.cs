namespace ReportPipeline.Core.Storage;

/// <summary>
/// Latest upload wins: a state's current report for a period is the one uploaded last, whatever order processing finishes
/// in. Version numbers count the distinct reports stored for the state and period in the order they were stored and never
/// change, so a version uploaded earlier but processed later has a higher number and is history.
/// </summary>
public static class SubmissionRules
{
    /// <summary>
    /// Whether <paramref name="a"/> was uploaded after <paramref name="b"/>: by upload time (whole seconds, as the storage
    /// service reports it), then by blob name, so that a tie never depends on which finished processing first. Only one
    /// blob written twice within a second ties on both; then the one stored last counts as the later.
    /// </summary>
    public static bool IsLaterUpload(SubmissionRecord a, SubmissionRecord b) =>
        a.UploadedAt != b.UploadedAt ? a.UploadedAt > b.UploadedAt : string.CompareOrdinal(a.BlobName, b.BlobName) >= 0;

    /// <summary>Versions in upload order: the current one last.</summary>
    public static IReadOnlyList<SubmissionRecord> InUploadOrder(IEnumerable<SubmissionRecord> versions) =>
        [.. versions.OrderBy(v => v.UploadedAt).ThenBy(v => v.BlobName, StringComparer.Ordinal)];

    /// <summary>
    /// Whether a stored version is this very save's: the same bytes from the same blob, stored at the same instant. A retried
    /// write whose first try succeeded but whose answer was lost finds it so, and it is still this save's change.
    /// </summary>
    public static bool IsSameSave(SubmissionRecord stored, SubmissionRecord incoming) =>
        stored.ContentHash == incoming.ContentHash && stored.BlobName == incoming.BlobName && stored.ReceivedAt == incoming.ReceivedAt;

    /// <summary>Whether <paramref name="a"/> is another upload than <paramref name="b"/>, made after it.</summary>
    private static bool IsNewerUpload(SubmissionRecord a, SubmissionRecord b) =>
        IsLaterUpload(a, b) && (a.UploadedAt != b.UploadedAt || a.BlobName != b.BlobName);

    /// <summary>Whether <see cref="Place"/> must see the history: only for an earlier upload of other bytes than the current.</summary>
    public static bool NeedsHistory(SubmissionRecord incoming, SubmissionRecord? current) =>
        current is not null && current.ContentHash != incoming.ContentHash && !IsLaterUpload(incoming, current);

    /// <summary>Places <paramref name="incoming"/> given the current version, the highest number given so far, and (when needed) the history.</summary>
    public static SubmissionPlan Place(SubmissionRecord incoming, SubmissionRecord? current, int highestVersion, IReadOnlyList<SubmissionRecord> history)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (current is null)
        {
            return new(Placement.Current, incoming with { Version = highestVersion + 1 });
        }

        var same = current.ContentHash == incoming.ContentHash
            ? current
            : NeedsHistory(incoming, current) ? history.FirstOrDefault(v => v.ContentHash == incoming.ContentHash) : null;
        if (same is not null)
        {
            // The current bytes sent again: still the state's latest upload, now as of the later one (its time and blob).
            var renewed = current.ContentHash == incoming.ContentHash && IsNewerUpload(incoming, current);
            var dated = renewed ? same with { UploadedAt = incoming.UploadedAt, BlobName = incoming.BlobName } : same;
            return same.ExtractorVersion == incoming.ExtractorVersion
                ? new(renewed ? Placement.Resubmitted : Placement.Unchanged, dated)
                : new(Placement.Reextracted, dated with
                {
                    Format = incoming.Format,
                    Language = incoming.Language,
                    Pages = incoming.Pages,
                    Coverage = incoming.Coverage,
                    Warnings = incoming.Warnings,
                    ReceivedAt = incoming.ReceivedAt,
                    ExtractorVersion = incoming.ExtractorVersion,
                });
        }

        return new(IsLaterUpload(incoming, current) ? Placement.Current : Placement.History, incoming with { Version = highestVersion + 1 });
    }
}
