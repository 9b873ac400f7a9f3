using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Reports;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Cli.Commands;

/// <summary>
/// <c>status --period P [--state ISO3] [--json]</c>: every upload of a period as the ledger knows it (the query a state's
/// portal lists too): status and reason, version, which one is each state's current report, and its extractor. <c>--json</c>
/// writes the JSON of the HTTP API, so the staff desk's upload list reads the same.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(Option<string?> storage)
    {
        var period = PeriodOption.Create("Reporting period: 2026, 2026-H1 or 2026-Q3.");
        var state = StateOption.Create("Only the uploads filed under this state (ISO 3166 alpha-3 code, as the blob names it).");
        var json = new Option<bool>("--json") { Description = "Print one JSON object: the period, whether it is open, the running extractor and every upload." };
        var command = new Command("status", "Every upload of a period: its status and reason, its version, which is current, and the extractor of its answers.")
        {
            period, state, json,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var host = await LocalHost.StartAsync(result.GetValue(storage), cancellationToken);
            var p = result.GetValue(period)!;
            var uploads = await host.Get<UploadStatusQuery>().ListAsync(p, result.GetValue(state), cancellationToken);
            var extractor = host.Get<IAnswerExtractor>().ExtractorVersion;
            var open = host.Get<IOptions<PeriodOptions>>().Value.IsOpen(p);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { period = p.Value, open, extractor, uploads }, ApiReply.Json));
                return 0;
            }

            Console.WriteLine($"Period {p} ({(open ? "open" : "closed")}; running extractor {extractor}): {uploads.Count} upload(s)");
            foreach (var u in uploads)
            {
                var extractedBy = u.ExtractorVersion.Length > 0 ? u.ExtractorVersion : "-";
                var uploaded = u.UploadedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-";
                Console.WriteLine($"  {u.State,-4} {Describe(u),-30} {extractedBy,-10} {uploaded,-20} {Printable(u.BlobName)}");
                if (u.Message is { Length: > 0 } message)
                {
                    Console.WriteLine($"       {Printable(message)}");
                }
            }

            return 0;
        });
        return command;
    }

    private static string Describe(UploadStatus u) => u.Status switch
    {
        IngestionStatus.Accepted => string.Create(CultureInfo.InvariantCulture, $"Accepted v{u.Version}{(u.Current ? " current" : "")}"),
        _ => u.ReasonCode is { } code ? $"{u.Status} {code}" : u.Status.ToString(),
    };

    /// <summary>Blob names and messages reach a terminal: no control characters.</summary>
    private static string Printable(string text) => new([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
}
