using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Ingestion;

/// <summary>
/// Finds the work nobody else will do and does it: stored reports whose Event Grid delivery was lost or
/// dead-lettered (no ledger row), attempts that died without a record (a Processing row older than <see cref="StuckAfter"/>),
/// and reports extracted by another extractor than the running one. Each is ingested as IngestReport would; a failure is
/// recorded at once as <see cref="IngestionStatus.Failed"/>, since no host retries it here.
/// </summary>
public sealed class UploadReconciler(
    IReportStore reports,
    ISubmissionStore store,
    ReportIngestor ingestor,
    IngestionFailures failures,
    IAnswerExtractor extractor,
    IOptions<PeriodOptions> periods,
    MemberStateRegistry states,
    TimeProvider time,
    ILogger<UploadReconciler> logger)
{
    /// <summary>Longer than every attempt of the host together (3 attempts of at most 10 minutes), so no live attempt is taken over.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromHours(1);

    /// <summary>The blobs a <c>reprocess</c> runs on, in name order.</summary>
    public async Task<IReadOnlyList<string>> SelectAsync(ReprocessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prefix = request.State is null ? $"{request.Period}/" : $"{request.Period}/{request.State}/";
        var scope = (await reports.ListAsync(request.BlobName ?? prefix, cancellationToken))
            .Where(b => b.StartsWith(prefix, StringComparison.Ordinal) && (request.BlobName is null || b == request.BlobName))
            .ToList();
        if (!request.Stale && !request.Missing)
        {
            return scope;
        }

        var selected = new SortedSet<string>(StringComparer.Ordinal);
        if (request.Missing)
        {
            selected.UnionWith((await UnrecordedAsync(scope, cancellationToken)).Select(n => n.Key.BlobName));
        }

        if (request.Stale)
        {
            selected.UnionWith(await StaleAsync(request.Period, scope, cancellationToken));
        }

        return [.. selected];
    }

    /// <summary>Ingests one stored blob; when the attempt fails, records the upload as failed and returns that.</summary>
    public Task<IngestionOutcome> ReprocessAsync(string blobName, CancellationToken cancellationToken) =>
        ReprocessAsync(ReportPath.Read(blobName, states), cancellationToken);

    private async Task<IngestionOutcome> ReprocessAsync(UploadName name, CancellationToken cancellationToken)
    {
        try
        {
            return await ingestor.IngestAsync(name, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failed = await failures.RecordAsync(name.Key, cancellationToken);
            return new IngestionOutcome(name.Key, failed.Status, failed.ReasonCode, failed.Message, failed.Version);
        }
    }

    /// <summary>
    /// The timer's run over every period: ingests each blob with no outcome recorded, oldest name first, and starts no new
    /// one once <paramref name="budget"/> has passed, so the run ends within the host's timeout and the next one continues.
    /// </summary>
    public async Task<ReconcileResult> ReconcileAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var found = await UnrecordedAsync(await reports.ListAsync("", cancellationToken), cancellationToken);
        var outcomes = new List<IngestionOutcome>();
        foreach (var name in found)
        {
            if (time.GetElapsedTime(started) > budget)
            {
                break;
            }

            outcomes.Add(await ReprocessAsync(name, cancellationToken));
        }

        logger.Reconciled(found.Count, outcomes.Count, found.Count - outcomes.Count);
        return new ReconcileResult(found.Count, outcomes);
    }

    /// <summary>
    /// Blobs with no ledger row, or with a Processing row no attempt has touched for <see cref="StuckAfter"/>, in name order;
    /// each name is read here once and handed on as read.
    /// </summary>
    private async Task<List<UploadName>> UnrecordedAsync(IReadOnlyList<string> blobs, CancellationToken cancellationToken)
    {
        var stuckBefore = time.GetUtcNow() - StuckAfter;
        var unrecorded = new List<UploadName>();
        foreach (var group in blobs.Select(b => ReportPath.Read(b, states)).GroupBy(n => n.Key.Period))
        {
            var rows = group.Key is { } period
                ? (await store.ListUploadsAsync(period, null, cancellationToken)).ToDictionary(u => u.Key.BlobName, StringComparer.Ordinal)
                : null;
            foreach (var name in group)
            {
                var row = rows is null ? await store.GetUploadAsync(name.Key, cancellationToken) : rows.GetValueOrDefault(name.Key.BlobName);
                if (row is null || (row.Status == IngestionStatus.Processing && row.ReceivedAt < stuckBefore))
                {
                    unrecorded.Add(name);
                }
            }
        }

        return [.. unrecorded.OrderBy(n => n.Key.BlobName, StringComparer.Ordinal)];
    }

    /// <summary>The blobs of the current reports another extractor produced; none in a closed period, which stays as it was.</summary>
    private async Task<IEnumerable<string>> StaleAsync(Period period, IReadOnlyList<string> blobs, CancellationToken cancellationToken)
    {
        if (!periods.Value.IsOpen(period))
        {
            return [];
        }

        var stale = (await store.ListSubmissionsAsync(period, cancellationToken))
            .Where(s => s.ExtractorVersion != extractor.ExtractorVersion)
            .Select(s => s.BlobName)
            .ToHashSet(StringComparer.Ordinal);
        return blobs.Where(stale.Contains);
    }
}
