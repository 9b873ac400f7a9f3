using System.CommandLine;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Storage;
using ReportPipeline.Functions.Surveys;
using Microsoft.Azure.Functions.Worker;

namespace ReportPipeline.Cli.Commands;

/// <summary><c>demo</c>: the whole pipeline over the seed reports, through the function classes.</summary>
internal static class DemoCommand
{
    public static Command Create(Option<string?> storage)
    {
        var keepRunning = new Option<bool>("--keep-running") { Description = "Then serve the portal, the staff desk and the API (as serve does) and keep Azurite up, until Ctrl+C." };
        var port = ServeCommand.PortOption();
        var output = new Option<string?>("--out") { Description = "Folder for the survey files (default .reportpipeline/surveys/{period})." };
        var command = new Command("demo", "Upload every report in seeds/reports/, ingest it, compile the survey, and print what came of it.") { keepRunning, port, output };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var host = await LocalHost.StartAsync(result.GetValue(storage), RepoPaths.AzuriteData, ServeCommand.Settings(), cancellationToken, serves: result.GetValue(keepRunning));
            var pipeline = new LocalPipeline(host);
            var files = Directory.EnumerateFiles(RepoPaths.SeedReports, "*", SearchOption.AllDirectories)
                .Select(f => (File: f, Blob: Path.GetRelativePath(RepoPaths.SeedReports, f).Replace('\\', '/')))
                .Where(f => f.Blob.Count(c => c == '/') >= 2)
                .OrderBy(f => f.Blob, StringComparer.Ordinal)
                .ToList();

            var outcomes = new List<IngestionOutcome>();
            foreach (var (file, blob) in files)
            {
                var outcome = await pipeline.UploadAndIngestAsync(file, blob, cancellationToken);
                outcomes.Add(outcome);
                Console.Error.WriteLine($"[{outcomes.Count}/{files.Count}] {blob}: {Describe(outcome)}");
            }

            var compiled = await host.Get<CompileSurveyFunction>().RunAsync(new TimerInfo(), cancellationToken);
            Console.Error.WriteLine($"Compiled {compiled.Count(c => c.Published)} new survey edition(s).");

            var store = host.Get<ISubmissionStore>();
            foreach (var period in outcomes.Select(o => o.Upload.Period).OfType<Period>().Distinct().OrderBy(p => p.Value, StringComparer.Ordinal))
            {
                var submissions = await store.ListSubmissionsAsync(period, cancellationToken);
                var reporting = string.Join(", ", submissions.Select(s => s.Key.State.Iso3).Order(StringComparer.Ordinal));
                Console.WriteLine($"Period {period}: {submissions.Count} of 193 Member States reported ({reporting}).");
                foreach (var question in GuidingQuestions.All)
                {
                    Console.WriteLine($"  question ({question.Key}) {question.Title}: answered by {submissions.Count(s => s.Coverage.Contains(question.Key))}");
                }

                var edition = await host.Get<ISurveyStore>().GetLatestEditionAsync(period, cancellationToken);
                if (edition is not null)
                {
                    var directory = result.GetValue(output) ?? Path.Combine(RepoPaths.State, "surveys", period.Value);
                    Console.WriteLine($"  survey edition {edition.Edition}, saved as:");
                    foreach (var path in await pipeline.SaveAsync(edition, directory, cancellationToken))
                    {
                        Console.WriteLine($"    {path}");
                    }

                    Console.WriteLine("  links:");
                    await pipeline.PrintLinksAsync(period, null, cancellationToken);
                }
            }

            var rejected = outcomes.Where(o => o.Status == IngestionStatus.Rejected).ToList();
            Console.WriteLine($"Rejected reports: {rejected.Count}");
            foreach (var r in rejected)
            {
                Console.WriteLine($"  {r.Upload.BlobName}: {r.ReasonCode}: {r.Message}");
            }

            if (result.GetValue(keepRunning))
            {
                await ServeCommand.RunAsync(host, result.GetValue(port), cancellationToken);
            }

            return 0;
        });
        return command;
    }

    public static string Describe(IngestionOutcome outcome) => outcome.Status switch
    {
        IngestionStatus.Rejected => $"rejected, {outcome.ReasonCode}: {outcome.Message}",
        IngestionStatus.Failed => $"failed, {outcome.ReasonCode}: {outcome.Message}",
        IngestionStatus.NotFound => "no such blob",
        IngestionStatus.Unchanged => $"unchanged (version {outcome.Version})",
        _ => $"accepted as version {outcome.Version}, answers {(outcome.Coverage.IsEmpty ? "none" : outcome.Coverage)}",
    };
}
