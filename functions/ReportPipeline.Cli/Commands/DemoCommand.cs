using System.CommandLine;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Review;
using ReportPipeline.Core.Staff;
using ReportPipeline.Core.Storage;
using ReportPipeline.Functions.Surveys;
using Microsoft.Azure.Functions.Worker;

namespace ReportPipeline.Cli.Commands;

/// <summary>
/// <c>demo</c>: the whole pipeline over the seed reports, through the function classes; one report per period is reviewed by a
/// demo analyst before the compile, so the survey shows both a reviewed state and machine-extracted ones.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Who the demo's review is recorded as, in the review log and the survey's marks.</summary>
    private static StaffPrincipal Analyst { get; } = new("demo-analyst", "Demo Analyst",
        new HashSet<string>([StaffRoles.SurveysRead, StaffRoles.ReportsReview], StringComparer.Ordinal), IsLocal: true);

    public static Command Create(Option<string?> storage)
    {
        var keepRunning = new Option<bool>("--keep-running") { Description = "Then serve the portal, the staff desk and the API (as serve does) and keep Azurite up, until Ctrl+C." };
        var port = ServeCommand.PortOption();
        var output = new Option<string?>("--out") { Description = "Folder for the survey files (default .reportpipeline/surveys/{period})." };
        var command = new Command("demo", "Upload every report in seeds/reports/, ingest it, review one report per period as a demo analyst, compile the survey, and print what came of it.")
            { keepRunning, port, output };
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

            var periods = outcomes.Select(o => o.Upload.Period).OfType<Period>().Distinct().OrderBy(p => p.Value, StringComparer.Ordinal).ToList();
            foreach (var period in periods)
            {
                await ReviewOneAsync(host, period, cancellationToken);
            }

            var compiled = await host.Get<CompileSurveyFunction>().RunAsync(new TimerInfo(), cancellationToken);
            Console.Error.WriteLine($"Compiled {compiled.Count(c => c.Published)} new survey edition(s).");

            var store = host.Get<ISubmissionStore>();
            foreach (var period in periods)
            {
                var submissions = await store.ListSubmissionsAsync(period, cancellationToken);
                var reporting = string.Join(", ", submissions.Select(s => s.Key.State.Iso3).Order(StringComparer.Ordinal));
                Console.WriteLine($"Period {period}: {submissions.Count} of 193 Member States reported ({reporting}).");
                foreach (var question in GuidingQuestions.All)
                {
                    Console.WriteLine($"  question ({question.Key}) {question.Title}: answered by {submissions.Count(s => s.Coverage.Contains(question.Key))}");
                }

                var reviewed = (await host.Get<ReviewService>().ListAsync(period, cancellationToken)).Where(s => s.Status == ReviewStatus.Reviewed).ToList();
                Console.WriteLine($"  answers reviewed by an analyst: {reviewed.Count} of {submissions.Count} reports"
                    + $"{(reviewed.Count > 0 ? $" ({string.Join(", ", reviewed.Select(r => $"{r.State} by {r.ReviewedBy}"))})" : "")}; "
                    + $"the survey marks {submissions.Count - reviewed.Count} as machine-extracted");

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

    /// <summary>
    /// Reviews the first report of <paramref name="period"/> (by state code) that has machine passages, as <see cref="Analyst"/>:
    /// accepts each passage and marks the report reviewed. A period where any current report has decisions is left as it
    /// is, so running demo again changes nothing and a person's review is never touched.
    /// </summary>
    private static async Task ReviewOneAsync(LocalHost host, Period period, CancellationToken cancellationToken)
    {
        var service = host.Get<ReviewService>();
        var listed = await service.ListAsync(period, cancellationToken);
        if (listed.Any(s => s.Decisions > 0))
        {
            return;
        }

        foreach (var submission in (await host.Get<ISubmissionStore>().ListSubmissionsAsync(period, cancellationToken)).OrderBy(s => s.Key.State.Iso3, StringComparer.Ordinal))
        {
            var sheet = await service.ShowAsync(submission.Key, cancellationToken);
            var machine = sheet.Questions.Values.SelectMany(q => q.Passages).Where(p => p.Source == PassageSources.Machine).Select(p => p.Id).ToList();
            if (machine.Count == 0)
            {
                continue;
            }

            foreach (var passage in machine)
            {
                sheet = await service.DecideAsync(submission.Key, new ReviewRequest(ReviewAction.Accept, passage), Analyst, sheet.Revision, cancellationToken);
            }

            await service.DecideAsync(submission.Key, new ReviewRequest(ReviewAction.Done), Analyst, sheet.Revision, cancellationToken);
            Console.Error.WriteLine($"Reviewed {submission.Key.State.Iso3} {period} as {Analyst.Name}: accepted {machine.Count} passage(s), marked reviewed.");
            return;
        }
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
