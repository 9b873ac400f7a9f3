using System.CommandLine;
using ReportPipeline.Core.Survey;

namespace ReportPipeline.Cli.Commands;

/// <summary><c>survey</c> compiles and publishes an edition; <c>links</c> prints fresh read-only links to the latest one.</summary>
internal static class SurveyCommands
{
    public static Command CreateSurvey(Option<string?> storage)
    {
        var period = PeriodOption.Create("Reporting period to compile.");
        var output = new Option<string?>("--out") { Description = "Also save the edition's files in this folder." };
        var command = new Command("survey", "Compile the Global Implementation Survey of a period and publish it if it changed.") { period, output };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var host = await LocalHost.StartAsync(result.GetValue(storage), cancellationToken);
            var pipeline = new LocalPipeline(host);
            var compiled = await host.Get<SurveyPublisher>().CompileAsync(result.GetValue(period)!, cancellationToken);
            var edition = compiled.Edition;
            Console.WriteLine($"{(compiled.Published ? "Published" : "Unchanged:")} edition {edition.Edition} of {edition.Period} ({edition.StatesReporting} of 193 states reporting)");
            if (result.GetValue(output) is { } directory)
            {
                foreach (var path in await pipeline.SaveAsync(edition, directory, cancellationToken))
                {
                    Console.WriteLine($"  saved {path}");
                }
            }

            await pipeline.PrintLinksAsync(edition.Period, null, cancellationToken);
            return 0;
        });
        return command;
    }

    public static Command CreateLinks(Option<string?> storage)
    {
        var period = PeriodOption.Create("Reporting period.");
        var minutes = new Option<int?>("--minutes") { Description = "Link lifetime in minutes (default Links__DefaultMinutes, capped by Links__MaxMinutes)." };
        var command = new Command("links", "Print fresh read-only links to the latest survey edition of a period.") { period, minutes };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var host = await LocalHost.StartAsync(result.GetValue(storage), cancellationToken);
            return await new LocalPipeline(host).PrintLinksAsync(result.GetValue(period)!, result.GetValue(minutes), cancellationToken) ? 0 : 1;
        });
        return command;
    }
}
