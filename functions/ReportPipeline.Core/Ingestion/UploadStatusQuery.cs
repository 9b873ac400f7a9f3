using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Ingestion;

/// <summary>Every upload of a period, or of one state in it, in upload order: what <c>status</c> prints and a state's portal lists.</summary>
public sealed class UploadStatusQuery(ISubmissionStore store, MemberStateRegistry states)
{
    public async Task<IReadOnlyList<UploadStatus>> ListAsync(Period period, string? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var uploads = await store.ListUploadsAsync(period, state, cancellationToken);
        return Statuses(uploads, await CurrentAsync(period, state, cancellationToken));
    }

    /// <summary>The uploads in order, each marked current when it is the accepted upload of its state's current version.</summary>
    private static List<UploadStatus> Statuses(IReadOnlyList<UploadRecord> uploads, Dictionary<string, SubmissionRecord> current) =>
        [.. uploads
            .Select(u =>
            {
                var submission = current.GetValueOrDefault(u.Key.State);
                var isCurrent = u.Status == IngestionStatus.Accepted && submission is not null && submission.Version == u.Version;
                return new UploadStatus(u.Key.State, u.Key.BlobName, u.Status, u.ReasonCode, u.Message, u.Version, isCurrent,
                    isCurrent ? submission!.ExtractorVersion : u.ExtractorVersion, u.UploadedAt == DateTimeOffset.MinValue ? null : u.UploadedAt, u.ReceivedAt);
            })
            .OrderBy(u => u.State, StringComparer.Ordinal).ThenBy(u => u.UploadedAt).ThenBy(u => u.BlobName, StringComparer.Ordinal)];

    /// <summary>One state's uploads of a period, each accepted one with the answers of its version's extraction.</summary>
    public async Task<IReadOnlyList<UploadFindings>> ListFindingsAsync(SubmissionKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var records = await store.ListUploadsAsync(key.Period, key.State.Iso3, cancellationToken);
        var stored = records.Any(u => u.Status == IngestionStatus.Accepted) ? await store.ListVersionsAsync(key, cancellationToken) : [];

        // The current version is the last in upload order, so it is not read a second time to mark the uploads.
        var uploads = Statuses(records, stored.Count == 0 ? [] : new(StringComparer.Ordinal) { [key.State.Iso3] = stored[^1] });
        var versions = stored.ToDictionary(v => v.Version);
        var answers = new Dictionary<int, IReadOnlyList<StoredAnswer>>();
        var findings = new List<UploadFindings>();
        foreach (var upload in uploads)
        {
            if (upload.Status != IngestionStatus.Accepted || !versions.TryGetValue(upload.Version, out var version))
            {
                findings.Add(new UploadFindings(upload, null, [], null));
                continue;
            }

            if (!answers.TryGetValue(version.Version, out var found))
            {
                found = await store.ListAnswersAsync(version, cancellationToken);
                answers[version.Version] = found;
            }

            var passages = found.OrderBy(a => a.Question).ThenBy(a => a.Sequence).Select(a => new FoundPassage(a.Question, a.Text, a.Provenance)).ToList();
            var answered = QuestionSet.Of(passages.Select(p => p.Question));
            findings.Add(new UploadFindings(upload, version.Language, passages, QuestionSet.Of(Question.All.Where(q => !answered.Contains(q)))));
        }

        return findings;
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
