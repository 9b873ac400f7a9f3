using System.CommandLine;
using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Cli.Commands;

/// <summary>
/// <c>reprocess --period P [--state ISO3] [--blob NAME] [--stale] [--missing]</c>: ingests stored blobs again, as the
/// ReconcileUploads timer does; exit 1 when any of them failed.
/// </summary>
internal static class ReprocessCommand
{
    public static Command Create(Option<string?> storage)
    {
        var period = PeriodOption.Create("Reporting period: 2026, 2026-H1 or 2026-Q3.");
        var state = StateOption.Create("Only the blobs filed under this state (ISO 3166 alpha-3 code).");
        var blob = new Option<string?>("--blob") { Description = "Only this blob, named as in the reports container: {period}/{ISO3}/{file}." };
        var stale = new Option<bool>("--stale") { Description = "Only the current reports another extractor version produced (open periods only)." };
        var missing = new Option<bool>("--missing") { Description = "Only the blobs with no outcome recorded: a lost event, or an attempt that died unrecorded." };
        var command = new Command("reprocess", "Ingest stored reports again: every blob of the period, or those --stale, --missing or named by --blob.")
        {
            period, state, blob, stale, missing,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var request = new ReprocessRequest(result.GetValue(period)!, result.GetValue(state), result.GetValue(blob), result.GetValue(stale), result.GetValue(missing));
            if (request.BlobName is { } name && !name.StartsWith($"{request.Period}/{request.State}", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"--blob {name} is not under {request.Period}/{request.State}.");
                return 2;
            }

            await using var host = await LocalHost.StartAsync(result.GetValue(storage), cancellationToken);
            var reconciler = host.Get<UploadReconciler>();
            var selected = await reconciler.SelectAsync(request, cancellationToken);
            if (request.BlobName is { } named && selected.Count == 0)
            {
                Console.Error.WriteLine($"{named}: no such blob{(request.Stale || request.Missing ? ", or not selected by --stale or --missing" : "")}.");
            }

            var outcomes = new List<IngestionOutcome>();
            foreach (var blobName in selected)
            {
                var outcome = await reconciler.ReprocessAsync(blobName, cancellationToken);
                outcomes.Add(outcome);
                Console.WriteLine($"{blobName}: {DemoCommand.Describe(outcome)}");
            }

            int Count(IngestionStatus status) => outcomes.Count(o => o.Status == status);
            Console.WriteLine($"reprocess: {outcomes.Count} blob(s), accepted {Count(IngestionStatus.Accepted)}, unchanged {Count(IngestionStatus.Unchanged)}, "
                + $"rejected {Count(IngestionStatus.Rejected)}, failed {Count(IngestionStatus.Failed)}");
            return Count(IngestionStatus.Failed) > 0 ? 1 : 0;
        });
        return command;
    }
}
