using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Functions.Ingestion;

/// <summary>
/// Timer <c>%ReconcileSchedule%</c> (6-field CRON, UTC): ingests every blob under <c>reports/</c> that has no outcome
/// recorded (an Event Grid delivery lost or dead-lettered, an attempt that died unrecorded), before the survey compiles.
/// </summary>
public sealed class ReconcileUploadsFunction(UploadReconciler reconciler, ILogger<ReconcileUploadsFunction> logger)
{
    /// <summary>Starts no new ingest after this, so a run ends within host.json's functionTimeout (10 minutes); the next run goes on.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMinutes(7);

    [Function(FunctionNames.ReconcileUploads)]
    public async Task<ReconcileResult> RunAsync(
        [TimerTrigger("%ReconcileSchedule%", RunOnStartup = false, UseMonitor = true)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        var result = await reconciler.ReconcileAsync(Budget, cancellationToken);
        logger.Reconciled(result.Found, result.Outcomes.Count, timer.IsPastDue);
        return result;
    }
}
