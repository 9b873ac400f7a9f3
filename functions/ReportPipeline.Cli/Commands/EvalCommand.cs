using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using ReportPipeline.Evaluation;
using ReportPipeline.Extraction;

namespace ReportPipeline.Cli.Commands;

/// <summary><c>eval DIR</c>: scores extraction against labelled reports; non-zero exit below the printed thresholds.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("directory")
        {
            Description = "A corpus ({name}.txt with {name}.expected.json, as seeds/corpus) or a statement set (cases/*.txt with labels.json).",
        };
        var verbose = new Option<bool>("--verbose") { Description = "Also list every missed snippet and spurious answer (corpus), or every case and question (statement set)." };
        var half = new Option<string?>("--half") { Description = "Statement sets only: score the odd- or even-numbered cases alone." };
        half.AcceptOnlyFromAmong("odd", "even");
        var mode = new Option<ExtractionMode?>("--mode") { Description = "The extractor to score: Local, AzureOpenAI or Auto (default: the Extraction__Mode setting)." };
        var command = new Command("eval", "Score extraction against labelled reports: precision, recall and F1 per language and question.") { directory, verbose, half, mode };
        command.SetAction(async (result, cancellationToken) =>
        {
            var dir = result.GetValue(directory)!;
            if (!dir.Exists)
            {
                Console.Error.WriteLine($"{dir.FullName}: no such directory");
                return 2;
            }

            var chosen = result.GetValue(mode);
            await using var services = LocalFiles.BuildServices(chosen is null ? null : new Dictionary<string, string?> { ["Extraction:Mode"] = chosen.ToString() });
            var analyzer = services.GetRequiredService<IDocumentAnalyzer>();
            var extractor = new ExtractionTally(services.GetRequiredService<IAnswerExtractor>());
            IReadOnlyList<string> failures;
            if (StatementSetEvaluator.IsStatementSet(dir.FullName))
            {
                Func<int, bool> include = result.GetValue(half) switch { "odd" => n => n % 2 == 1, "even" => n => n % 2 == 0, _ => _ => true };
                var report = await new StatementSetEvaluator(analyzer, extractor).EvaluateAsync(dir.FullName, include, cancellationToken);
                StatementSetPrinter.Print(report, result.GetValue(verbose));
                failures = report.Failures();
            }
            else
            {
                var report = await new CorpusEvaluator(analyzer, extractor).EvaluateAsync(dir.FullName, cancellationToken);
                Print(report, result.GetValue(verbose));
                failures = report.Failures();
            }

            extractor.Print();

            foreach (var failure in failures)
            {
                Console.WriteLine($"BELOW THRESHOLD: {failure}");
            }

            Console.WriteLine(failures.Count == 0 ? "PASS" : "FAIL");
            return failures.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static void Print(EvaluationReport report, bool verbose)
    {
        Console.WriteLine($"{report.Cells.Select(c => c.File).Distinct().Count()} reports. Scoring:");
        Console.WriteLine("  detection: per (report, question), does the report answer it? predicted = at least one answer; expected = at least one labelled snippet.");
        Console.WriteLine("  passage:   recall = labelled snippets found inside an answer of the same question;");
        Console.WriteLine("             precision = answer paragraphs (one per provenance entry) containing a labelled snippet of their question.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  threshold: F1 >= {EvaluationReport.Threshold:0.00} for both measures, per language (all questions) and per question (all languages)."));
        Console.WriteLine();
        Console.WriteLine("| language | question | detection P | R | F1 | passage P | R | F1 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var languages = report.Languages.ToList();
        foreach (var language in languages.Append("all"))
        {
            foreach (var q in Question.All.Select(k => k.ToString()).Append("all"))
            {
                bool Filter(CellScore c) => (language == "all" || c.Language == language) && (q == "all" || c.Question.ToString() == q);
                Row(language, q, report.Sum(Filter, c => c.Detection), report.Sum(Filter, c => c.Passage));
            }
        }

        if (!verbose)
        {
            return;
        }

        foreach (var cell in report.Cells.Where(c => c.Missed.Count > 0 || c.Spurious.Count > 0))
        {
            foreach (var m in cell.Missed)
            {
                Console.WriteLine($"MISSED   {cell.File} ({cell.Question}): {m}");
            }

            foreach (var s in cell.Spurious)
            {
                Console.WriteLine($"SPURIOUS {cell.File} ({cell.Question}): {(s.Length > 160 ? s[..160] + "…" : s)}");
            }
        }

        foreach (var e in report.Errors)
        {
            Console.WriteLine($"ERROR    {e}");
        }
    }

    private static void Row(string language, string question, Score detection, Score passage) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {language} | {question} | {detection.Precision:0.000} | {detection.Recall:0.000} | {detection.F1:0.000} | {passage.Precision:0.000} | {passage.Recall:0.000} | {passage.F1:0.000} |"));
}
