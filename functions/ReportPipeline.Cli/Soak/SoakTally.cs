using System.Collections.Concurrent;
using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Cli.Soak;

/// <summary>
/// What the soak saw become of each upload, kept apart from what the audit reads back from the storage so that each
/// checks the other: slot refusals, and the final status of each blob as the function classes returned it.
/// </summary>
internal sealed class SoakTally
{
    private readonly ConcurrentDictionary<string, int> _refused = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IngestionStatus?> _blobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failedTries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<double> _ingestMilliseconds = new();
    private int _done;
    private int _untriggered;
    private int _poisoned;

    /// <summary>Every upload sent: refused at its slot, or stored as a blob.</summary>
    public int Uploads => _refused.Values.Sum() + _blobs.Count;

    public IReadOnlyDictionary<string, int> RefusedBySlot => _refused;

    /// <summary>Counts one more upload as done and returns how many are.</summary>
    public int Done() => Interlocked.Increment(ref _done);

    public void Refused(string reasonCode) => _refused.AddOrUpdate(reasonCode, 1, (_, n) => n + 1);

    /// <summary>A blob whose event never came: only reconciliation will find it.</summary>
    public void Untriggered(string blobName)
    {
        _blobs[blobName] = null;
        Interlocked.Increment(ref _untriggered);
    }

    public void Triggered(string blobName, TriggerResult result, TimeSpan took)
    {
        _blobs[blobName] = null;
        _ingestMilliseconds.Enqueue(took.TotalMilliseconds);
        foreach (var reason in result.FailedTries)
        {
            _failedTries.AddOrUpdate(reason, 1, (_, n) => n + 1);
        }

        if (result.Outcome is { } outcome)
        {
            Final(blobName, outcome.Status);
        }
        else
        {
            Interlocked.Increment(ref _poisoned);
        }
    }

    /// <summary>The status a function class returned for a blob; an unchanged report is an accepted one.</summary>
    public void Final(string blobName, IngestionStatus status)
    {
        if (status is IngestionStatus.Accepted or IngestionStatus.Unchanged or IngestionStatus.Rejected or IngestionStatus.Failed)
        {
            _blobs[blobName] = status == IngestionStatus.Unchanged ? IngestionStatus.Accepted : status;
        }
    }

    public string Describe() =>
        $"{_blobs.Count} blob(s) stored, {_untriggered} of them with no event; {_failedTries.Values.Sum()} IngestReport tries failed "
        + $"({(_failedTries.IsEmpty ? "none" : string.Join(", ", _failedTries.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}")))}), "
        + $"{_poisoned} blob(s) failed every try and went to the poison queue";

    /// <summary>Median and 95th percentile (nearest rank) of the time from a blob trigger's first try to its outcome, every try included.</summary>
    public (double P50, double P95) IngestPercentiles()
    {
        var sorted = _ingestMilliseconds.Order().ToArray();
        double Rank(double p) => sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return (Rank(0.50), Rank(0.95));
    }

    /// <summary>Where this tally and the storage's disagree, one line each; none when every upload is accounted for alike.</summary>
    public IEnumerable<string> Disagreements(AuditResult audit, int uploads)
    {
        if (Uploads != uploads)
        {
            yield return $"{uploads} uploads asked for, {Uploads} sent";
        }

        foreach (var blob in audit.Blobs.Where(b => !_blobs.ContainsKey(b)))
        {
            yield return $"{blob} is in reports/, but the soak did not store it";
        }

        foreach (var (blob, seen) in _blobs)
        {
            if (!audit.Blobs.Contains(blob))
            {
                yield return $"{blob} was stored, but is not in reports/";
            }
            else if (seen is null)
            {
                yield return $"{blob}: no function class returned an outcome for it";
            }
            else if (audit.Final.TryGetValue(blob, out var stored) && stored != seen)
            {
                yield return $"{blob}: the soak saw {seen}, the ledger says {stored}";
            }
        }
    }
}
