using System.CommandLine;
using ReportPipeline.Core.Reports;
using ReportPipeline.Evaluation;

namespace ReportPipeline.Cli.Commands;

/// <summary><c>analyze FILE... [--json]</c>: the layout the ingestion path would see, or the reason a file is refused.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Documents to analyse (PDF, DOCX, HTML, text, Markdown)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per file and line." };
        var command = new Command("analyze", "Analyse documents locally (or with Document Intelligence, per Analysis__Mode) and print their layout.") { files, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var services = LocalFiles.BuildServices();
            var asJson = result.GetValue(json);
            var exitCode = 0;
            foreach (var file in result.GetValue(files)!)
            {
                var analysis = await LocalFiles.AnalyzeAsync(services, file.FullName, cancellationToken);
                Console.WriteLine(analysis.Layout is { } layout
                    ? asJson ? LayoutJson.Write(file.Name, layout) : Describe(file, layout)
                    : asJson ? LayoutJson.WriteError(file.Name, analysis.Code, analysis.Message) : $"{file.Name}: refused ({analysis.Code}): {analysis.Message}");
                exitCode = analysis.Layout is null ? 1 : exitCode;
            }

            return exitCode;
        });
        return command;
    }

    private static string Describe(FileInfo file, LayoutDocument layout)
    {
        var lines = new List<string> { $"{file.Name}: {layout.Format}, language {layout.Language}, {layout.Pages} page(s), {layout.Paragraphs.Count} paragraph(s)" };
        lines.AddRange(layout.Warnings.Select(w => $"  warning: {w}"));
        static string Level(LayoutParagraph p) => p.HeadingLevel > 0 ? p.HeadingLevel.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        lines.AddRange(layout.Paragraphs.Select(p => $"  [{p.Page}:{p.Index} {LayoutJson.RoleName(p.Role)}{Level(p)}] {p.Text}"));
        return string.Join(Environment.NewLine, lines);
    }
}
