using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using Azure.Core.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Documents;
using ReportPipeline.Extraction;
using ReportPipeline.Functions.Ingestion;
using ReportPipeline.Infrastructure.Storage;
using ReportPipeline.Local;

namespace ReportPipeline.Cli.Soak;

/// <summary>
/// The soak: a fresh embedded Azurite and a fake Document Intelligence, keys for every Member State, then the uploads of
/// <see cref="SoakPlan"/> at the asked concurrency through upload slots and the Functions host stand-in, the Azurite
/// restarted mid-run; then the ReconcileUploads timer until it finds nothing, and the audit of the storage against what the
/// soak saw. Progress and findings go to <c>progress</c>; the figures come back.
/// </summary>
internal sealed class SoakRun(SoakOptions options, TextWriter progress, TimeProvider time)
{
    private const long MaxReportBytes = 1024 * 1024;
    private const int ShownProblems = 10;

    private readonly SoakTally _tally = new();
    private readonly SemaphoreSlim _restarting = new(1, 1);
    private int _restarts;

    /// <summary>
    /// The settings the soak runs the pipeline with, over the environment's: scans go to the fake Document Intelligence,
    /// extraction stays local, reports over 1 MiB are too large (so the too-large uploads stay small), and only critical
    /// logs are written, since the soak reports every failure it meets itself.
    /// </summary>
    private static Dictionary<string, string?> Settings(FakeDocumentIntelligence ocr) => new()
    {
        ["Analysis:Mode"] = nameof(AnalysisMode.Auto),
        ["DocumentIntelligence:Endpoint"] = ocr.Endpoint,
        ["DocumentIntelligence:Key"] = "soak",
        ["Extraction:Mode"] = nameof(ExtractionMode.Local),
        ["Ingestion:MaxReportBytes"] = MaxReportBytes.ToString(CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Default"] = "Critical",
    };

    public async Task<SoakResult> RunAsync(CancellationToken cancellationToken)
    {
        var data = Path.Combine(RepoPaths.State, "soak", $"azurite-{Environment.ProcessId}");
        Forget(data);
        try
        {
            await using var ocr = new FakeDocumentIntelligence { Faults = options.DocumentIntelligenceFaults ? FaultBursts.Soak : null };
            await using var host = await LocalHost.StartAsync(null, data, Settings(ocr), cancellationToken);
            var elapsed = await SendAsync(host, ocr, cancellationToken);
            await ReconcileAsync(host, cancellationToken);
            var audit = await AuditAsync(host.Azurite!, ocr, cancellationToken);
            progress.WriteLine($"soak: document intelligence answered {ocr.Requests.Count} requests, {ocr.Throttled} of them 429 and {ocr.Unavailable} 503");
            return Report(audit, elapsed);
        }
        finally
        {
            Forget(data);
        }
    }

    /// <summary>The run itself: keys for every state, then every upload through its slot and the blob trigger, while Azurite restarts; returns how long it took.</summary>
    private async Task<TimeSpan> SendAsync(LocalHost host, FakeDocumentIntelligence ocr, CancellationToken cancellationToken)
    {
        var open = host.Get<IOptions<PeriodOptions>>().Value.OpenNames;
        var states = host.Get<MemberStateRegistry>().All;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken };
        var keys = await IssueKeysAsync(host, states, parallel);
        var patience = new Patience(time);
        var functions = new FunctionsHostStandIn(host, host.Azurite!.ConnectionString, HostSettings.Read(Path.Combine(AppContext.BaseDirectory, "host.json")), patience, time);
        await functions.CreateQueuesAsync(cancellationToken);
        progress.WriteLine($"soak: {options.Uploads} uploads, seed {options.Seed}, concurrency {options.Concurrency}, open periods {string.Join(", ", open)}, "
            + $"{options.StorageRestarts} Azurite restart(s), {(ocr.Faults is { } f ? $"bursts of 429 and 503 and a {f.OutageLength.TotalSeconds:0} s outage" : "no faults")} "
            + $"from Document Intelligence at {ocr.Endpoint}; IngestReport tried {functions.Settings.PoisonBlobThreshold} times, "
            + $"RecordFailedIngest {functions.Settings.MaxDequeueCount} (host.json)");

        var plan = new SoakPlan(options.Seed, states, open, ClosedPeriod(open), MaxReportBytes);
        using var http = new HttpClient();
        var uploader = new SoakUploader(host, keys, http, patience);
        var restartAt = Enumerable.Range(1, options.StorageRestarts).ToDictionary(k => (int)((long)k * options.Uploads / (options.StorageRestarts + 1)));
        var restarts = new ConcurrentBag<Task>();
        var sending = 1;
        var sdkRetries = 0;
        // The Azure SDK's own retries, of the pipeline's requests and the stand-ins' alike: the outages met and ridden out.
        using var retries = new AzureEventSourceListener((e, _) =>
        {
            if (e.EventName == "RequestRetrying")
            {
                Interlocked.Increment(ref sdkRetries);
            }
        }, EventLevel.Informational);
        var started = time.GetTimestamp();
        var poison = Task.Run(() => functions.DrainPoisonAsync(() => Volatile.Read(ref sending) == 1, cancellationToken), cancellationToken);
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Uploads), parallel, async (index, token) =>
        {
            if (restartAt.TryGetValue(index, out var number))
            {
                restarts.Add(RestartAsync(host.Azurite, number, index, token));
            }

            await SendAsync(plan.Upload(index), uploader, functions, token);
        });
        await Task.WhenAll(restarts);
        Volatile.Write(ref sending, 0);
        var drained = await poison;
        var elapsed = time.GetElapsedTime(started);
        foreach (var row in drained.Recorded)
        {
            _tally.Final(row.Key.BlobName, row.Status);
        }

        progress.WriteLine($"soak: {_tally.Describe()}; poison queue: {drained.Recorded.Count} message(s) handled by RecordFailedIngest, "
            + $"{drained.FailedRuns} run(s) of it failed and were run again, {drained.MovedToPoison} moved to {RecordFailedIngestFunction.PoisonQueue}-poison");
        progress.WriteLine($"soak: outages met: the Azure SDK retried {Volatile.Read(ref sdkRetries)} storage request(s), "
            + $"and states' scripts and the host stand-in tried {patience.Retries} time(s) again");
        return elapsed;
    }

    /// <summary>One upload: delivered through its slot (or straight into the container), then the blob trigger, unless its event is lost.</summary>
    private async Task SendAsync(SoakUpload upload, SoakUploader uploader, FunctionsHostStandIn functions, CancellationToken cancellationToken)
    {
        var delivery = await uploader.DeliverAsync(upload, cancellationToken);
        if (delivery.BlobName is not { } blob)
        {
            _tally.Refused(delivery.Refusal!);
        }
        else if (upload.EventLost || upload.Kind == SoakKind.StrayBadPath)
        {
            _tally.Untriggered(blob);
        }
        else
        {
            var fired = time.GetTimestamp();
            var result = await functions.TriggerAsync(blob, cancellationToken);
            _tally.Triggered(blob, result, time.GetElapsedTime(fired));
        }

        if (_tally.Done() is var done && done % Math.Max(1, options.Uploads / 10) == 0)
        {
            progress.WriteLine($"soak: {done} of {options.Uploads} uploads done");
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> IssueKeysAsync(LocalHost host, IReadOnlyList<MemberState> states, ParallelOptions parallel)
    {
        var keys = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(states, parallel, async (state, token) =>
            keys[state.Iso3] = (await host.Get<CredentialService>().IssueAsync(state.Iso3, token)).Key);
        return keys;
    }

    /// <summary>The latest period before the first open one that is not open itself.</summary>
    private static string ClosedPeriod(IReadOnlyList<string> open)
    {
        if (open.Count == 0)
        {
            throw new InvalidOperationException("No period is open (Periods__Open): every upload would be refused.");
        }

        var closed = Period.Parse(open[0]);
        while (open.Contains(closed.Value))
        {
            closed = closed.Previous() ?? throw new InvalidOperationException("Every period before the first open one is open.");
        }

        return closed.Value;
    }

    /// <summary>The audit analyses scans again: with a service that no longer fails, and a circuit breaker of its own.</summary>
    private async Task<AuditResult> AuditAsync(AzuriteEmulator azurite, FakeDocumentIntelligence ocr, CancellationToken cancellationToken)
    {
        ocr.Faults = null;
        await using var services = LocalHost.BuildServices(new Dictionary<string, string?>(Settings(ocr)) { [StorageNames.ConnectionName] = azurite.ConnectionString });
        return await new SoakAudit(services.GetRequiredService<IReportStore>(), services.GetRequiredService<ISubmissionStore>(),
            services.GetRequiredService<MemberStateRegistry>(), services.GetRequiredService<IDocumentAnalyzer>(), services.GetRequiredService<IAnswerExtractor>())
            .RunAsync(options.Concurrency, cancellationToken);
    }

    private static void Forget(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task RestartAsync(AzuriteEmulator azurite, int number, int index, CancellationToken cancellationToken)
    {
        await _restarting.WaitAsync(cancellationToken);
        try
        {
            var stopped = time.GetTimestamp();
            await azurite.RestartAsync(cancellationToken);
            Interlocked.Increment(ref _restarts);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"soak: restart {number} of {options.StorageRestarts}, at upload {index}: Azurite stopped and listened again after {time.GetElapsedTime(stopped).TotalSeconds:0.0} s"));
        }
        finally
        {
            _restarting.Release();
        }
    }

    /// <summary>As the daily timer would, run after run until a run finds nothing left: the lost events' blobs, and attempts that died unrecorded.</summary>
    private async Task ReconcileAsync(LocalHost host, CancellationToken cancellationToken)
    {
        var reconciler = host.Get<ReconcileUploadsFunction>();
        for (var run = 1; ; run++)
        {
            var result = await reconciler.RunAsync(new TimerInfo(), cancellationToken);
            foreach (var outcome in result.Outcomes)
            {
                _tally.Final(outcome.Upload.BlobName, outcome.Status);
            }

            progress.WriteLine($"soak: ReconcileUploads run {run}: {result.Found} blob(s) with no outcome recorded, {result.Outcomes.Count} ingested: "
                + string.Join(", ", result.Outcomes.GroupBy(o => o.Status).Select(g => $"{g.Key} {g.Count()}")));
            if (result.Remaining == 0)
            {
                return;
            }
        }
    }

    private SoakResult Report(AuditResult audit, TimeSpan elapsed)
    {
        var refused = _tally.RefusedBySlot;
        var accepted = audit.Count(IngestionStatus.Accepted);
        var rejected = audit.Count(IngestionStatus.Rejected) + refused.Values.Sum();
        var failed = audit.Count(IngestionStatus.Failed);
        var disagreements = _tally.Disagreements(audit, options.Uploads).Concat(audit.NotLatest).ToList();
        progress.WriteLine($"soak: refused at their slot: {Counts(refused)}; refused by ingestion: {Counts(audit.Rejections)}");
        progress.WriteLine($"soak: audit: {audit.Blobs.Count} blob(s) in reports/, "
            + $"{audit.Versions} stored version(s), each one's answers checked against a new extraction of its bytes");
        Show("lost", audit.Lost);
        Show("duplicated", audit.Duplicated);
        Show("disagreement", disagreements);
        var (p50, p95) = _tally.IngestPercentiles();
        return new(_tally.Uploads, accepted, rejected, failed, audit.Lost.Count, audit.Duplicated.Count, _restarts, p50, p95,
            _tally.Uploads / Math.Max(elapsed.TotalSeconds, 0.001), disagreements);
    }

    private void Show(string what, IReadOnlyList<string> problems)
    {
        foreach (var problem in problems.Take(ShownProblems))
        {
            progress.WriteLine($"soak: {what}: {problem}");
        }

        if (problems.Count > ShownProblems)
        {
            progress.WriteLine($"soak: … and {problems.Count - ShownProblems} more {what}");
        }
    }

    private static string Counts(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
}
