using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using ReportPipeline.Evaluation;
using ReportPipeline.Extraction;

namespace ReportPipeline.Cli.Commands;

/// <summary><c>extract FILE... [--json]</c>: the answers to the guiding questions of each file, without storage.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Report files (PDF, DOCX, HTML, text, Markdown)." };
        var json = new Option<bool>("--json") { Description = "One JSON object per file and line: the extraction contract." };
        var explain = new Option<bool>("--explain") { Description = "Also print every sentence with the evidence the vocabulary found in it (to stderr)." };
        var command = new Command("extract", "Find each report's answers to the four guiding questions, with provenance, confidence and themes.") { files, json, explain };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = LocalFiles.BuildServices();
            var extractor = services.GetRequiredService<IAnswerExtractor>();
            var exitCode = 0;
            foreach (var file in result.GetValue(files)!)
            {
                var analysis = await LocalFiles.AnalyzeAsync(services, file, cancellationToken);
                var report = analysis.Layout is { } layout ? await extractor.ExtractAsync(layout, cancellationToken) : null;
                if (report is null)
                {
                    exitCode = 1;
                }
                else if (result.GetValue(explain))
                {
                    Explain(analysis.Layout!, report.Language);
                }

                if (result.GetValue(json))
                {
                    Console.WriteLine(report is not null ? ExtractionContract.ToJson(file, report) : LayoutJson.WriteError(file, analysis.Code, analysis.Message));
                }
                else
                {
                    PrintText(file, report, analysis);
                }
            }

            return exitCode;
        });
        return command;
    }

    private static void Explain(LayoutDocument layout, string language)
    {
        var lexicon = Lexicon.For(language);
        foreach (var paragraph in layout.ContentParagraphs)
        {
            foreach (var (start, length) in TextUnits.Sentences(paragraph.Text))
            {
                var sentence = paragraph.Text.Substring(start, length);
                var s = lexicon.Score(sentence);
                var excerpt = sentence.Length > 110 ? sentence[..110] + "…" : sentence;
                var questions = string.Create(CultureInfo.InvariantCulture,
                    $"a={s.Question(Question.A):0.#} b={s.Question(Question.B):0.#} c={s.Question(Question.C):0.#} d={s.Question(Question.D):0.#}");
                var speech = string.Create(CultureInfo.InvariantCulture, $"proc={s[Cue.Procedural]:0.#} defl={s[Cue.Deflection]:0.#} close={s[Cue.Closing]:0.#}");
                Console.Error.WriteLine($"¶{paragraph.Index} {questions} {speech} | {excerpt}");
            }
        }
    }

    private static void PrintText(string file, ExtractedReport? report, FileAnalysis analysis)
    {
        if (report is null)
        {
            Console.WriteLine($"{file}: {analysis.Code}: {analysis.Message}");
            return;
        }

        Console.WriteLine($"{file}: language {report.Language}, {report.Pages} page(s), answers {(report.Coverage.IsEmpty ? "none" : report.Coverage)}, by {report.ExtractorVersion}");
        if (report.Usage != TokenUsage.None)
        {
            Console.WriteLine($"  tokens: {report.Usage.Input} in, {report.Usage.Output} out; quotes not in the document, dropped: {report.QuotesRejected}");
        }

        foreach (var a in report.Answers)
        {
            var where = string.Join(", ", a.Provenance.Select(p => $"p{p.Page}¶{p.Paragraph}"));
            var excerpt = a.Text.Length > 140 ? a.Text[..140].ReplaceLineEndings(" ") + "…" : a.Text.ReplaceLineEndings(" ");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ({a.Question}) {a.Method} {a.Confidence:0.00} [{where}] {excerpt}"));
        }

        foreach (var t in report.Themes)
        {
            Console.WriteLine($"  theme {t.Key}: {string.Join(", ", t.Questions)}");
        }

        foreach (var w in report.Warnings)
        {
            Console.WriteLine($"  warning: {w}");
        }
    }
}
