using System.CommandLine;
using System.Text.Json;
using ReportPipeline.Core;
using ReportPipeline.Core.Review;

namespace ReportPipeline.Cli.Commands;

/// <summary>
/// <c>search "TEXT" [--period P] [--question Q] [--language L] [--region R] [--status S] [--json]</c>: what states said, found in the
/// current passages (reviewed where a review counts), as <c>GET /api/passages</c> finds it. <c>--json</c> prints one object per hit.
/// </summary>
internal static class SearchCommand
{
    public static Command Create(Option<string?> storage)
    {
        var text = new Argument<string>("text") { Description = "Words to find, case- and accent-insensitive, in any of the six languages." };
        var period = new Option<Period?>("--period")
        {
            Description = "Only this reporting period (default: every period).",
            CustomParser = result =>
            {
                var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (Period.TryParse(value, out var p))
                {
                    return p;
                }

                result.AddError($"'{value}' is not a reporting period; use {Period.Rule}.");
                return null;
            },
        };
        var question = new Option<string?>("--question") { Description = "Only passages under this question (a, b, c or d)." };
        question.AcceptOnlyFromAmong("a", "b", "c", "d");
        var language = new Option<string?>("--language") { Description = "Only reports in this language (ar, en, es, fr, ru, zh)." };
        var region = new Option<string?>("--region") { Description = "Only states of this M49 region, sub-region or intermediate region (e.g. Africa, Eastern Africa)." };
        var status = new Option<string?>("--status") { Description = "Only states whose review has this status." };
        status.AcceptOnlyFromAmong([.. ReviewStatus.All]);
        var json = new Option<bool>("--json") { Description = "Print one JSON object per hit (state, question, text, page, paragraph, ...)." };
        var command = new Command("search", "Find what states said: words in the current passages of a period or of every period.")
        {
            text, period, question, language, region, status, json,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var host = await LocalHost.StartAsync(result.GetValue(storage), cancellationToken);
            var query = new PassageQuery(result.GetValue(text)!, result.GetValue(period),
                result.GetValue(question) is { } q ? Question.Parse(q) : null, result.GetValue(region), result.GetValue(language), result.GetValue(status));
            PassageSearchResult found;
            try
            {
                found = await host.Get<PassageSearch>().SearchAsync(query, cancellationToken);
            }
            catch (ReviewRefusedException e)
            {
                Console.Error.WriteLine($"{e.ReasonCode}: {e.Message}");
                return 2;
            }

            foreach (var hit in found.Hits)
            {
                Console.WriteLine(result.GetValue(json)
                    ? JsonSerializer.Serialize(hit, ReviewCommand.Json)
                    : $"{hit.Period} {hit.State} ({hit.Question}) {hit.Language} p.{hit.Page} ¶{hit.Paragraph} [{hit.Status}]: {new string([.. hit.Text.Select(c => char.IsControl(c) ? ' ' : c)])}");
            }

            Console.Error.WriteLine($"{found.Total} passage(s) of {found.Searched} searched{(found.Total > found.Hits.Count ? $"; the first {found.Hits.Count} shown" : "")}.");
            return 0;
        });
        return command;
    }
}
