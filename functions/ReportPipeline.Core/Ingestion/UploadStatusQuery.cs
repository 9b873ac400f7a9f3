using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Ingestion;

/// <summary>
/// One upload as the ledger knows it: its status and reason, the version it became, whether that version is the state's
/// current report, and the extractor whose answers it holds. <see cref="UploadedAt"/> is null when the blob's time is unknown.
/// </summary>
public sealed record UploadStatus(
    string State,
    string BlobName,
    IngestionStatus Status,
    string? ReasonCode,
    string? Message,
    int Version,
    bool Current,
    string ExtractorVersion,
    DateTimeOffset? UploadedAt,
    DateTimeOffset RecordedAt);

/// <summary>Every upload of a period, or of one state in it, in upload order: what <c>status</c> prints and a state's portal lists.</summary>
public sealed class UploadStatusQuery(ISubmissionStore store, MemberStateRegistry states)
{
    public async Task<IReadOnlyList<UploadStatus>> ListAsync(Period period, string? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var uploads = await store.ListUploadsAsync(period, state, cancellationToken);
        var current = await CurrentAsync(period, state, cancellationToken);
        return [.. uploads
            .Select(u =>
            {
                var submission = current.GetValueOrDefault(u.Key.State);
                var isCurrent = u.Status == IngestionStatus.Accepted && submission is not null && submission.Version == u.Version;
                return new UploadStatus(u.Key.State, u.Key.BlobName, u.Status, u.ReasonCode, u.Message, u.Version, isCurrent,
                    isCurrent ? submission!.ExtractorVersion : u.ExtractorVersion, u.UploadedAt == DateTimeOffset.MinValue ? null : u.UploadedAt, u.ReceivedAt);
            })
            .OrderBy(u => u.State, StringComparer.Ordinal).ThenBy(u => u.UploadedAt).ThenBy(u => u.BlobName, StringComparer.Ordinal)];
    }

    private async Task<Dictionary<string, SubmissionRecord>> CurrentAsync(Period period, string? state, CancellationToken cancellationToken)
    {
        if (state is null)
        {
            return (await store.ListSubmissionsAsync(period, cancellationToken)).ToDictionary(s => s.Key.State.Iso3, StringComparer.Ordinal);
        }

        var submission = states.TryGet(state, out var memberState) ? await store.GetSubmissionAsync(new SubmissionKey(period, memberState), cancellationToken) : null;
        return submission is null ? [] : new(StringComparer.Ordinal) { [submission.Key.State.Iso3] = submission };
    }
}
