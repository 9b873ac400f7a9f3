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
        var directories = new Argument<DirectoryInfo[]>("directories")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "A corpus ({name}.txt with {name}.expected.json, as seeds/corpus) or a statement set (cases/*.txt with labels.json); "
                + "with --cross-validate, every set to fold over.",
        };
        var verbose = new Option<bool>("--verbose") { Description = "Also list every missed snippet and spurious answer (corpus), or every case and question (statement set)." };
        var half = new Option<string?>("--half") { Description = "Statement sets only: score the odd- or even-numbered cases alone." };
        half.AcceptOnlyFromAmong("odd", "even");
        var mode = new Option<ExtractionMode?>("--mode") { Description = "The extractor to score: Local, AzureOpenAI or Auto (default: the Extraction__Mode setting)." };
        var folds = new Option<int?>("--cross-validate")
        {
            Description = "Fit the extraction model K times, each time leaving out one fold of the given sets' cases (grouped by case), and score "
                + "every case with the model that never saw it; the project's other labelled sets always train.",
        };
        var train = new Option<DirectoryInfo[]>("--train") { Description = "Fit the extraction model on these sets alone, then score --test.", AllowMultipleArgumentsPerToken = true };
        var test = new Option<DirectoryInfo?>("--test") { Description = "The set --train is scored on." };
        var floor = new Option<double?>("--min-f1") { Description = "With --cross-validate or --train: judge overall F1 against this floor instead of the target." };
        var languageFloor = new Option<double?>("--min-language-f1") { Description = "With --cross-validate or --train: judge each language's F1 against this floor instead of the target." };
        var command = new Command("eval", "Score extraction against labelled reports: precision, recall and F1 per language and question.")
        {
            directories, verbose, half, mode, folds, train, test, floor, languageFloor,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var dirs = result.GetValue(directories) ?? [];
            if (dirs.FirstOrDefault(d => !d.Exists) is { } missing)
            {
                Console.Error.WriteLine($"{missing.FullName}: no such directory");
                return 2;
            }

            if (result.GetValue(folds) is { } k)
            {
                return await Validate(dirs, null, k, (result.GetValue(floor), result.GetValue(languageFloor)), result.GetValue(verbose), cancellationToken);
            }

            if (result.GetValue(train) is { Length: > 0 } trainSets)
            {
                if (result.GetValue(test) is not { Exists: true } testSet)
                {
                    Console.Error.WriteLine("--train needs an existing --test set");
                    return 2;
                }

                return await Validate([testSet], trainSets, 0, (result.GetValue(floor), result.GetValue(languageFloor)), result.GetValue(verbose), cancellationToken);
            }

            if (dirs.Length != 1)
            {
                Console.Error.WriteLine("eval scores one set; give --cross-validate K to fold over several");
                return 2;
            }

            var dir = dirs[0];
            var chosen = result.GetValue(mode);
            await using var services = LocalFiles.BuildServices(chosen is null ? null : new Dictionary<string, string?> { ["Extraction:Mode"] = chosen.ToString() });
            var analyzer = services.GetRequiredService<IDocumentAnalyzer>();
            var extractor = new ExtractionTally(services.GetRequiredService<IAnswerExtractor>());
            IReadOnlyList<string> failures;
            if (StatementSetEvaluator.IsStatementSet(dir.FullName))
            {
                Func<int, bool> include = result.GetValue(half) switch { "odd" => n => n % 2 == 1, "even" => n => n % 2 == 0, _ => _ => true };
                var report = await new StatementSetEvaluator(analyzer, extractor).EvaluateAsync(dir.FullName, include, cancellationToken);
                StatementSetPrinter.Print(report, StatementTargets.Development, result.GetValue(verbose));
                failures = report.Failures();
            }
            else
            {
                var report = await new CorpusEvaluator(analyzer, extractor).EvaluateAsync(dir.FullName, cancellationToken);
                Print(report, result.GetValue(verbose));
                failures = report.Failures();
            }

            extractor.Print();
            return Verdict(failures);
        });
        return command;
    }

    /// <summary>
    /// Cross-validation (<paramref name="train"/> null: folds over <paramref name="sets"/>, the other default training sets
    /// always train) or train-test (the one set in <paramref name="sets"/> scored by a model fitted on <paramref name="train"/>).
    /// </summary>
    private static async Task<int> Validate(DirectoryInfo[] sets, DirectoryInfo[]? train, int folds, (double? Overall, double? Language) floors, bool verbose,
        CancellationToken cancellationToken)
    {
        await using var services = LocalFiles.BuildServices(new Dictionary<string, string?> { ["Extraction:Mode"] = nameof(ExtractionMode.Local) });
        var tested = sets.Select(d => d.FullName).ToList();
        var testCases = await TrainingSets.ReadAsync(services, tested, cancellationToken);
        var validation = new ModelValidation(services.GetRequiredService<ThemeCatalog>(), services.GetRequiredService<AnswerExtractor>());
        StatementSetReport report;
        StatementTargets targets;
        if (train is null)
        {
            var extraSets = TrainingSets.Default.Select(TrainingSets.FullPath).Where(p => Directory.Exists(p) && !tested.Contains(p)).ToList();
            var extra = await TrainingSets.ReadAsync(services, extraSets, cancellationToken);
            Console.WriteLine($"cross-validation: {folds} folds over {testCases.Count} cases of {string.Join(", ", tested.Select(TrainingSets.Name))}, grouped by case;");
            Console.WriteLine($"  each fold's model also trains on {extra.Count} cases of {string.Join(", ", extraSets.Select(TrainingSets.Name))}.");
            report = validation.CrossValidate(testCases, extra, folds);
            targets = StatementTargets.CrossValidated;
        }
        else
        {
            var trainCases = await TrainingSets.ReadAsync(services, train.Select(d => d.FullName), cancellationToken);
            Console.WriteLine($"train-test: a model fitted on {trainCases.Count} cases of {string.Join(", ", train.Select(d => TrainingSets.Name(d.FullName)))}, "
                + $"scored on {testCases.Count} cases of {TrainingSets.Name(tested[0])}.");
            report = validation.TrainTest(trainCases, testCases);
            targets = StatementTargets.LeaveOneSetOut;
        }

        // A floor below the target, stated on the command line (as .ci/run does), guards against regression until the target is met.
        targets = targets with { Overall = floors.Overall ?? targets.Overall, PerLanguage = floors.Language ?? targets.PerLanguage };

        StatementSetPrinter.Print(report, targets, verbose);
        return Verdict(report.Failures(targets));
    }

    private static int Verdict(IReadOnlyList<string> failures)
    {
        foreach (var failure in failures)
        {
            Console.WriteLine($"BELOW THRESHOLD: {failure}");
        }

        Console.WriteLine(failures.Count == 0 ? "PASS" : "FAIL");
        return failures.Count == 0 ? 0 : 1;
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
