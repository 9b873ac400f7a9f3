using System.Collections.Concurrent;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Cli.Soak;

/// <summary>
/// Checks every blob under <c>reports/</c> against the tables, independently of what the soak saw happen:
/// <list type="bullet">
/// <item>lost: a blob whose ledger row is missing or not final (Accepted, Rejected, Failed), or accepted with no stored
/// version of its bytes under the number it was given;</item>
/// <item>duplicated: a version number given twice among a state's versions of a period, or a version whose answer rows
/// are not exactly one extraction of its bytes by its extractor (its blob is analysed and extracted again, and the
/// answers must be the same, in the same order);</item>
/// <item>not latest: a state whose current version does not hold the bytes of the accepted upload it made last (by the
/// blob's time, then its name, as <see cref="SubmissionRules.IsLaterUpload"/> orders them).</item>
/// </list>
/// </summary>
internal sealed class SoakAudit(IReportStore reports, ISubmissionStore store, MemberStateRegistry states, IDocumentAnalyzer analyzer, IAnswerExtractor extractor)
{
    public async Task<AuditResult> RunAsync(int concurrency, CancellationToken cancellationToken)
    {
        var keys = (await reports.ListAsync("", cancellationToken)).Select(b => ReportPath.Read(b, states).Key).ToList();
        var rows = new Dictionary<string, UploadRecord?>(StringComparer.Ordinal);
        foreach (var group in keys.GroupBy(k => k.Period))
        {
            var ledger = group.Key is { } period
                ? (await store.ListUploadsAsync(period, null, cancellationToken)).ToDictionary(u => u.Key.BlobName, StringComparer.Ordinal)
                : null;
            foreach (var key in group)
            {
                rows[key.BlobName] = ledger is null ? await store.GetUploadAsync(key, cancellationToken) : ledger.GetValueOrDefault(key.BlobName);
            }
        }

        var lost = new List<string>();
        var final = new Dictionary<string, IngestionStatus>(StringComparer.Ordinal);
        foreach (var (blob, row) in rows)
        {
            if (row is { Status: IngestionStatus.Accepted or IngestionStatus.Rejected or IngestionStatus.Failed })
            {
                final[blob] = row.Status;
            }
            else
            {
                lost.Add($"{blob}: {(row is null ? "no ledger row" : $"still {row.Status} ({row.ReasonCode ?? "no reason"})")}");
            }
        }

        var rejections = rows.Values.Where(r => r?.Status == IngestionStatus.Rejected).GroupBy(r => r!.ReasonCode ?? "")
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var duplicated = new List<string>();
        var notLatest = new List<string>();
        var versions = new List<SubmissionRecord>();
        var accepted = rows.Values.OfType<UploadRecord>().Where(r => r.Status == IngestionStatus.Accepted).ToList();
        foreach (var state in accepted.GroupBy(r => (Period: r.Key.Period!, r.Key.State)))
        {
            var key = new SubmissionKey(state.Key.Period, states.TryGet(state.Key.State, out var member) ? member : throw new InvalidOperationException($"{state.Key.State} was accepted."));
            var stored = await store.ListVersionsAsync(key, cancellationToken);
            versions.AddRange(stored);
            duplicated.AddRange(stored.GroupBy(v => v.Version).Where(g => g.Count() > 1).Select(g => $"{key}: version {g.Key} given {g.Count()} times"));
            lost.AddRange(state.Where(u => !stored.Any(v => v.Version == u.Version && v.ContentHash == u.ContentHash))
                .Select(u => $"{u.Key.BlobName}: accepted as version {u.Version}, which does not hold its bytes"));
            var current = await store.GetSubmissionAsync(key, cancellationToken);
            var latest = state.MaxBy(u => (u.UploadedAt, u.Key.BlobName), Comparer<(DateTimeOffset, string)>.Create(
                (x, y) => x.Item1 != y.Item1 ? x.Item1.CompareTo(y.Item1) : string.CompareOrdinal(x.Item2, y.Item2)))!;
            if (current is null || current.ContentHash != latest.ContentHash)
            {
                notLatest.Add($"{key}: current is {current?.BlobName ?? "none"}, the latest accepted upload is {latest.Key.BlobName}");
            }
        }

        var mixed = new ConcurrentBag<string>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(versions.Where(v => v.ExtractorVersion == extractor.ExtractorVersion), options, async (version, token) =>
        {
            if (await MismatchAsync(version, token) is { } problem)
            {
                mixed.Add($"{version.Key} version {version.Version}: {problem}");
            }
        });
        duplicated.AddRange(mixed.Order(StringComparer.Ordinal));
        return new(rows.Keys.ToHashSet(StringComparer.Ordinal), final, rejections, lost, duplicated, notLatest, versions.Count);
    }

    /// <summary>How the stored answers of a version differ from a new extraction of its bytes, or null when they do not.</summary>
    private async Task<string?> MismatchAsync(SubmissionRecord version, CancellationToken cancellationToken)
    {
        await using var report = await reports.OpenAsync(version.BlobName, cancellationToken);
        if (report is null)
        {
            return $"its blob {version.BlobName} is gone";
        }

        using var bytes = new MemoryStream();
        await report.Content.CopyToAsync(bytes, cancellationToken);
        var layout = await analyzer.AnalyzeAsync(bytes.ToArray(), version.BlobName[(version.BlobName.LastIndexOf('/') + 1)..], cancellationToken);
        var expected = (await extractor.ExtractAsync(layout, cancellationToken)).Answers;
        var stored = await store.ListAnswersAsync(version, cancellationToken);
        if (expected.Count != stored.Count)
        {
            return $"{stored.Count} answer(s) stored, {expected.Count} extracted";
        }

        for (var i = 0; i < stored.Count; i++)
        {
            if (stored[i].Question != expected[i].Question || stored[i].Text != expected[i].Text || !stored[i].Provenance.SequenceEqual(expected[i].Provenance))
            {
                return $"answer {i} ({stored[i].Question}) is not the extraction's";
            }
        }

        return null;
    }
}
