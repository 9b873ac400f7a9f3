using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ReportPipeline.Core;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Review;
using ReportPipeline.Core.Staff;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.Cli.Commands;

/// <summary>
/// <c>review show|decide|add|note|done|status|export</c>: an analyst's review of a state's current report from a shell, as the
/// review page does it. Decisions are recorded as the local user; a refused or conflicting one prints why and exits 1.
/// </summary>
internal static class ReviewCommand
{
    /// <summary>The JSON of the HTTP API, with report text written as it is (Arabic and Chinese readable).</summary>
    public static JsonSerializerOptions Json { get; } = new(ApiReply.Json) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static Command Create(Option<string?> storage)
    {
        var command = new Command("review", "Review states' current reports: show, decide on passages, add paragraphs, mark done, list, export as a labelled set.");
        command.Subcommands.Add(Show(storage));
        command.Subcommands.Add(Decide(storage));
        command.Subcommands.Add(Add(storage));
        command.Subcommands.Add(Note(storage));
        command.Subcommands.Add(Done(storage));
        command.Subcommands.Add(Status(storage));
        command.Subcommands.Add(Export(storage));
        return command;
    }

    private static Option<string> State() => new("--state") { Required = true, Description = "ISO 3166 alpha-3 code of the Member State." };

    private static Option<int?> Revision() => new("--revision") { Description = "The revision the decision is made on (from review show); another decision stored since is a conflict. Default: the stored one." };

    private static Option<Question?> QuestionOption(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (text.Length == 1 && Question.TryParse(text[0], out var q))
            {
                return q;
            }

            result.AddError($"'{text}' is not a guiding question; use a, b, c or d.");
            return null;
        },
    };

    private static Command Show(Option<string?> storage)
    {
        var (period, state) = (PeriodOption.Create("Reporting period."), State());
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object: status, paragraphs, and per question its passages and candidates." };
        var command = new Command("show", "Show a state's current report under review: paragraphs, passages per question and their decisions, candidates.") { period, state, json };
        command.SetAction((result, cancellationToken) => RunAsync(result, storage, period, state, async (host, key) =>
        {
            var sheet = await host.Get<ReviewService>().ShowAsync(key, cancellationToken);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(sheet, Json));
            }
            else
            {
                Print(sheet);
            }

            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Decide(Option<string?> storage)
    {
        var (period, state, revision) = (PeriodOption.Create("Reporting period."), State(), Revision());
        var passage = new Option<string>("--passage") { Required = true, Description = "The passage id, as review show lists it (e.g. a-1.1)." };
        var accept = new Option<bool>("--accept") { Description = "The passage answers its question." };
        var reject = new Option<bool>("--reject") { Description = "The passage does not answer its question." };
        var moveTo = QuestionOption("--move-to", "The passage answers this question instead.");
        var copyTo = QuestionOption("--copy-to", "The passage answers this question as well.");
        var command = new Command("decide", "Accept, reject, move or copy a passage of a state's current report.") { period, state, passage, accept, reject, moveTo, copyTo, revision };
        command.Validators.Add(result =>
        {
            var chosen = (result.GetValue(accept) ? 1 : 0) + (result.GetValue(reject) ? 1 : 0) + (result.GetValue(moveTo) is null ? 0 : 1) + (result.GetValue(copyTo) is null ? 0 : 1);
            if (chosen != 1)
            {
                result.AddError("Give exactly one of --accept, --reject, --move-to Q, --copy-to Q.");
            }
        });
        command.SetAction((result, cancellationToken) =>
        {
            var request = result.GetValue(accept) ? new ReviewRequest(ReviewAction.Accept, result.GetValue(passage))
                : result.GetValue(reject) ? new ReviewRequest(ReviewAction.Reject, result.GetValue(passage))
                : result.GetValue(moveTo) is { } move ? new ReviewRequest(ReviewAction.Move, result.GetValue(passage), move)
                : new ReviewRequest(ReviewAction.Copy, result.GetValue(passage), result.GetValue(copyTo));
            return DecideAsync(result, storage, period, state, revision, request, cancellationToken);
        });
        return command;
    }

    private static Command Add(Option<string?> storage)
    {
        var (period, state, revision) = (PeriodOption.Create("Reporting period."), State(), Revision());
        var question = QuestionOption("--question", "The question the paragraph answers.");
        question.Required = true;
        var paragraph = new Option<string>("--paragraph") { Required = true, Description = "The paragraph id, as review show lists it (page.paragraph, e.g. 1.3)." };
        var command = new Command("add", "Add a paragraph of a state's current report to a question.") { period, state, question, paragraph, revision };
        command.SetAction((result, cancellationToken) => DecideAsync(result, storage, period, state, revision,
            new ReviewRequest(ReviewAction.Add, Question: result.GetValue(question), Paragraph: result.GetValue(paragraph)), cancellationToken));
        return command;
    }

    private static Command Note(Option<string?> storage)
    {
        var (period, state, revision) = (PeriodOption.Create("Reporting period."), State(), Revision());
        var question = QuestionOption("--question", "The question the note is on.");
        question.Required = true;
        var text = new Option<string>("--text") { Required = true, Description = $"The note, plain text, at most {ReviewService.MaxNoteLength} characters (empty clears it)." };
        var command = new Command("note", "Keep the analyst's note on a question of a state's current report.") { period, state, question, text, revision };
        command.SetAction((result, cancellationToken) => DecideAsync(result, storage, period, state, revision,
            new ReviewRequest(ReviewAction.Note, Question: result.GetValue(question), Note: result.GetValue(text)), cancellationToken));
        return command;
    }

    private static Command Done(Option<string?> storage)
    {
        var (period, state, revision) = (PeriodOption.Create("Reporting period."), State(), Revision());
        var command = new Command("done", "Mark a state's current report reviewed: the passages still pending are confirmed as they stand.") { period, state, revision };
        command.SetAction((result, cancellationToken) => DecideAsync(result, storage, period, state, revision, new ReviewRequest(ReviewAction.Done), cancellationToken));
        return command;
    }

    private static Command Status(Option<string?> storage)
    {
        var period = PeriodOption.Create("Reporting period.");
        var json = new Option<bool>("--json") { Description = "Print one JSON object: the states with their review status, and the agreement per language and question." };
        var command = new Command("status", "Every state with a current report for the period: its review status, and the machine's agreement with the analysts.") { period, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var host = await LocalHost.StartAsync(result.GetValue(storage), cancellationToken);
            var p = result.GetValue(period)!;
            var service = host.Get<ReviewService>();
            var states = await service.ListAsync(p, cancellationToken);
            var agreement = await service.AgreementAsync(p, cancellationToken);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { period = p.Value, states, agreement }, Json));
                return 0;
            }

            Console.WriteLine($"Period {p}: {states.Count} current report(s), {states.Count(s => s.Status == ReviewStatus.Reviewed)} reviewed");
            foreach (var s in states)
            {
                var by = s.ReviewedAt is { } at ? $" by {Printable(s.ReviewedBy ?? "")} on {at:u}" : "";
                Console.WriteLine($"  {s.State,-4} {s.Language,-3} v{s.Version,-3} {s.Status,-10} answers {s.Answered,-5} {s.Decisions} decision(s), {s.PendingIndications} indication(s) of the state pending{by}");
            }

            foreach (var c in agreement)
            {
                Console.WriteLine($"  agreement {c.Language} ({c.Question}): precision {Share(c.Precision)} ({c.MachineAccepted}/{c.MachineDecided}), recall {Share(c.Recall)} ({c.MachineAccepted}/{c.Accepted})");
            }

            return 0;
        });
        return command;
    }

    private static Command Export(Option<string?> storage)
    {
        var period = PeriodOption.Create("Reporting period.");
        var output = new Option<DirectoryInfo>("--out") { Required = true, Description = "Folder to write cases/ and labels.json to (eval DIR scores it)." };
        var command = new Command("export", "Write the period's reviewed reports as a labelled set (cases/ and labels.json) that eval scores.") { period, output };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var host = await LocalHost.StartAsync(result.GetValue(storage), cancellationToken);
            var reports = await host.Get<ReviewService>().ExportAsync(result.GetValue(period)!, cancellationToken);
            var directory = result.GetValue(output)!;
            await LabelledSetWriter.WriteAsync(directory.FullName, reports, cancellationToken);
            Console.WriteLine($"Wrote {reports.Count} reviewed report(s) of {result.GetValue(period)} to {directory.FullName} (cases/ and labels.json).");
            return reports.Count == 0 ? 1 : 0;
        });
        return command;
    }

    private static Task<int> DecideAsync(ParseResult result, Option<string?> storage, Option<Period> period, Option<string> state, Option<int?> revision,
        ReviewRequest request, CancellationToken cancellationToken) =>
        RunAsync(result, storage, period, state, async (host, key) =>
        {
            var sheet = await host.Get<ReviewService>().DecideAsync(key, request, StaffPrincipal.Local(Environment.UserName), result.GetValue(revision), cancellationToken);
            Console.WriteLine($"Recorded {request.Action.ToString().ToLowerInvariant()} on {key.State.Iso3} {key.Period} as revision {sheet.Revision}; status {sheet.Status}.");
            return 0;
        }, cancellationToken);

    private static async Task<int> RunAsync(ParseResult result, Option<string?> storage, Option<Period> period, Option<string> state,
        Func<LocalHost, SubmissionKey, Task<int>> action, CancellationToken cancellationToken)
    {
        await using var host = await LocalHost.StartAsync(result.GetValue(storage), cancellationToken);
        var code = result.GetValue(state)!.ToUpperInvariant();
        if (!host.Get<MemberStateRegistry>().TryGet(code, out var memberState))
        {
            Console.Error.WriteLine($"'{Printable(code)}' is not a Member State; use its ISO 3166 alpha-3 code, e.g. KEN.");
            return 2;
        }

        try
        {
            return await action(host, new SubmissionKey(result.GetValue(period)!, memberState));
        }
        catch (ReviewRefusedException e)
        {
            Console.Error.WriteLine($"{e.ReasonCode}: {e.Message}");
            return 1;
        }
        catch (ReviewConflictException e)
        {
            Console.Error.WriteLine($"{ReviewConflictException.ReasonCode}: {e.Message}");
            return 1;
        }
    }

    private static void Print(ReviewSheet sheet)
    {
        var by = sheet.ReviewedAt is { } at ? $" by {Printable(sheet.ReviewedBy ?? "")} on {at:u}" : "";
        Console.WriteLine($"{sheet.Name} ({sheet.State}), {sheet.Period}, version {sheet.Version}, {sheet.Language}: {sheet.Status}{by}; revision {sheet.Revision}");
        Console.WriteLine("Paragraphs:");
        foreach (var p in sheet.Paragraphs)
        {
            Console.WriteLine($"  [{p.Id}] {Printable(p.Text)}");
        }

        foreach (var (question, q) in sheet.Questions)
        {
            Console.WriteLine($"Question ({question}):{(q.Note is { Length: > 0 } note ? $" note: {Printable(note)}" : "")}");
            foreach (var p in q.Passages)
            {
                Console.WriteLine($"  {p.Id,-10} {p.Decision,-8} {p.Source,-7}{(p.New ? " new" : "")} {Printable(p.Text)}");
            }

            foreach (var c in q.Candidates)
            {
                Console.WriteLine($"  candidate [{c.Id}] score {c.Score}: {Printable(c.Text)}");
            }
        }

        foreach (var i in sheet.Indications)
        {
            var decided = i.DecidedAt is { } on ? $" by {Printable(i.DecidedBy ?? "")} on {on:u}" : "";
            Console.WriteLine($"State's indication: {i.Kind} {i.Passage} (key {i.ById}, {i.At:u}): {i.Decision}{decided}");
        }
    }

    private static string Share(double? value) => value is { } v ? v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "-";

    /// <summary>Report text reaches a terminal: no control characters.</summary>
    private static string Printable(string text) => new([.. text.Select(c => char.IsControl(c) ? ' ' : c)]);
}
