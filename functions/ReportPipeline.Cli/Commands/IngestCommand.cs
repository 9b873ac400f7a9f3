using System.CommandLine;
using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Cli.Commands;

/// <summary><c>ingest FILE... --state ISO3 --period P</c>: upload and ingest reports; non-zero exit when any is refused.</summary>
internal static class IngestCommand
{
    public static Command Create(Option<string?> storage)
    {
        var files = new Argument<FileInfo[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Report files to upload." };
        var state = new Option<string>("--state") { Required = true, Description = "ISO 3166 alpha-3 code of the reporting Member State." };
        var period = PeriodOption.Create("Reporting period: 2026, 2026-H1 or 2026-Q3.");
        var command = new Command("ingest", "Upload reports for a state and period and ingest them.") { files, state, period };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var host = await LocalHost.StartAsync(result.GetValue(storage), cancellationToken);
            var pipeline = new LocalPipeline(host);
            var exitCode = 0;
            foreach (var file in result.GetValue(files)!)
            {
                if (!file.Exists)
                {
                    Console.Error.WriteLine($"{file.FullName}: no such file");
                    exitCode = 2;
                    continue;
                }

                var outcome = await pipeline.UploadAndIngestAsync(file.FullName, $"{result.GetValue(period)}/{result.GetValue(state)}/{file.Name}", cancellationToken);
                Console.WriteLine($"{outcome.Upload.BlobName}: {DemoCommand.Describe(outcome)}");
                if (outcome.Status == IngestionStatus.Rejected)
                {
                    exitCode = 1;
                }
            }

            return exitCode;
        });
        return command;
    }
}
