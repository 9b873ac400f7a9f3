using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Layout;
using ReportPipeline.Infrastructure;
using ReportPipeline.Infrastructure.DocumentIntelligence;

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
            await using var services = new ServiceCollection()
                .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddEnvironmentVariables().Build())
                .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error).AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace))
                .AddReportPipelineCore()
                .AddReportPipelineInfrastructure()
                .BuildServiceProvider();
            var analyzer = services.GetRequiredService<IDocumentAnalyzer>();
            var maxBytes = services.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxReportBytes;
            var asJson = result.GetValue(json);
            var exitCode = 0;
            foreach (var file in result.GetValue(files)!)
            {
                var (line, failed) = await AnalyzeAsync(analyzer, file, maxBytes, asJson, cancellationToken);
                Console.WriteLine(line);
                exitCode = failed ? 1 : exitCode;
            }

            return exitCode;
        });
        return command;
    }

    private static async Task<(string Line, bool Failed)> AnalyzeAsync(IDocumentAnalyzer analyzer, FileInfo file, long maxBytes, bool json, CancellationToken cancellationToken)
    {
        try
        {
            if (!file.Exists)
            {
                return (Error(file, "not-found", "No such file.", json), true);
            }

            if (file.Length > maxBytes)
            {
                return (Error(file, ReasonCodes.TooLarge, $"The file is larger than the {maxBytes / (1024 * 1024)} MiB limit.", json), true);
            }

            var layout = await analyzer.AnalyzeAsync(await File.ReadAllBytesAsync(file.FullName, cancellationToken), file.Name, cancellationToken);
            return (json ? LayoutJson.Write(file.Name, layout) : Describe(file, layout), false);
        }
        catch (ReportRejectedException e)
        {
            return (Error(file, e.ReasonCode, e.Message, json), true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or TimeoutException
            or Polly.ExecutionRejectedException or DocumentIntelligenceException or Azure.Identity.AuthenticationFailedException)
        {
            // Transient or environmental: retrying may succeed, so it is no reason code of the document's.
            return (Error(file, "unavailable", e.Message, json), true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug of ours, not the document's: say so without a stack trace, and let the exit code tell.
            return (Error(file, "internal-error", $"Unexpected {e.GetType().Name}: {e.Message}", json), true);
        }
    }

    private static string Error(FileInfo file, string code, string message, bool json) =>
        json ? LayoutJson.WriteError(file.Name, code, message) : $"{file.Name}: refused ({code}): {message}";

    private static string Describe(FileInfo file, LayoutDocument layout)
    {
        var lines = new List<string> { $"{file.Name}: {layout.Format}, language {layout.Language}, {layout.Pages} page(s), {layout.Paragraphs.Count} paragraph(s)" };
        lines.AddRange(layout.Warnings.Select(w => $"  warning: {w}"));
        lines.AddRange(layout.Paragraphs.Select(p => $"  [{p.Page}:{p.Index} {LayoutJson.RoleName(p.Role)}{(p.HeadingLevel > 0 ? p.HeadingLevel.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}] {p.Text}"));
        return string.Join(Environment.NewLine, lines);
    }
}
