using System.Globalization;
using ReportPipeline.Core;
using ReportPipeline.Evaluation;

namespace ReportPipeline.Cli.Commands;

/// <summary>The tables of <c>eval</c> over a statement set: overall, per language, per question, N answered, calibration.</summary>
internal static class StatementSetPrinter
{
    public static void Print(StatementSetReport report, StatementTargets targets, bool verbose)
    {
        Console.WriteLine($"{report.Cases} cases. Scoring:");
        Console.WriteLine("  found: a Y question one of whose quotes (whitespace-normalised, case-insensitive) lies inside an answer to it;");
        Console.WriteLine($"  false positive: an N question given {StatementCell.AnswerFloor} or more characters of answer; P questions are neutral.");
        Console.WriteLine("  precision = found / (found + N answered); recall = found / Y.");
        Console.WriteLine(Format($"  targets: F1 >= {targets.Overall:0.00} overall") + (targets.PerLanguage is { } l ? Format($", >= {l:0.00} per language") : "")
            + (targets.PerQuestion is { } q ? Format($", >= {q:0.00} per question") : "") + Format($", N answered <= {targets.NoAnsweredCeiling:P0}")
            + (targets.RecallAt3 is { } r ? Format($", recall@3 >= {r:0.00}") : "") + ".");
        Console.WriteLine();
        Table("language", report.Languages, l => c => c.Language == l, report);
        Console.WriteLine();
        Table("question", Question.All.Select(q => q.ToString()), q => c => c.Question.Letter == q[0], report);
        Console.WriteLine();
        var all = report.Score(_ => true);
        Console.WriteLine(Format($"N questions answered: {all.NoAnswered} of {all.No} ({all.NoAnsweredShare:P0})"));
        var (found3, yes3) = report.RecallAt3();
        Console.WriteLine(Format($"recall@3: {found3} of {yes3} Y questions have a quote inside an answer or one of the 3 ranked candidates ({(yes3 == 0 ? 1 : (double)found3 / yes3):0.000})"));
        var (answers, holdQuote, onNo) = report.Calibration();
        var share = answers == 0 ? 0 : (double)holdQuote / answers;
        Console.Write(Format($"calibration: {answers} answers with confidence >= {StatementSetReport.ConfidentAnswer:0.0}, "));
        Console.WriteLine(Format($"{holdQuote} hold a quote of their question ({share:P0}), {onNo} on an N question"));
        if (!verbose)
        {
            return;
        }

        Console.WriteLine();
        foreach (var cell in report.Cells)
        {
            var outcome = (cell.Label, cell.Found, cell.Answered) switch
            {
                (AnswerLabel.N, _, true) => "FALSE POSITIVE",
                (AnswerLabel.N, _, false) => "ok (unanswered)",
                (_, true, _) => "found",
                (_, false, true) => "MISSED (answered elsewhere)",
                _ => "MISSED (unanswered)",
            };
            Console.WriteLine($"{cell.Case} ({cell.Question}) {cell.Label}: {outcome}, {cell.AnsweredCharacters} chars");
        }

        foreach (var e in report.Errors)
        {
            Console.WriteLine($"ERROR    {e}");
        }
    }

    private static void Table(string name, IEnumerable<string> groups, Func<string, Func<StatementCell, bool>> filter, StatementSetReport report)
    {
        Console.WriteLine($"| {name} | F1 | precision | recall (Y) | found/Y | N answered | P found |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var group in groups)
        {
            Row(group, report.Score(filter(group)));
        }

        Row("all", report.Score(_ => true));
    }

    private static void Row(string group, StatementScore s) =>
        Console.WriteLine(Format($"| {group} | {s.F1:0.000} | {s.Precision:0.000} | {s.Recall:0.000} | {s.Found}/{s.Yes} | {s.NoAnswered}/{s.No} | {s.PartFound}/{s.Part} |"));

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
