using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Reports;
using ReportPipeline.Infrastructure.DocumentIntelligence;

namespace ReportPipeline.Cli;

/// <summary>
/// The storage-free commands (analyze, extract, eval, bench): the same composition root as ingestion, so routing to
/// Document Intelligence follows Analysis__Mode there too, and one way to read a local file.
/// </summary>
internal static class LocalFiles
{
    /// <summary>The composition root over the environment's settings and, for a command's own options, <paramref name="overrides"/>.</summary>
    public static ServiceProvider BuildServices(IDictionary<string, string?>? overrides = null) => LocalHost.BuildServices(overrides ?? new Dictionary<string, string?>());

    /// <summary>Reads and analyses a file under the ingestion size limit; failures become codes, never stack traces.</summary>
    public static async Task<FileAnalysis> AnalyzeAsync(IServiceProvider services, string path, CancellationToken cancellationToken)
    {
        var maxBytes = services.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxReportBytes;
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                return new(null, ReasonCodes.NotFound, "No such file.");
            }

            if (file.Length > maxBytes)
            {
                return new(null, ReasonCodes.TooLarge, $"The file is larger than the {maxBytes / (1024 * 1024)} MiB limit.");
            }

            var content = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
            return new(await services.GetRequiredService<IDocumentAnalyzer>().AnalyzeAsync(content, file.Name, cancellationToken));
        }
        catch (ReportRejectedException e)
        {
            return new(null, e.ReasonCode, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or TimeoutException
            or Polly.ExecutionRejectedException or DocumentIntelligenceException or Azure.Identity.AuthenticationFailedException)
        {
            // Transient or environmental: retrying may succeed, so it is no reason code of the document's.
            return new(null, ReasonCodes.Unavailable, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug of ours, not the document's: say so without a stack trace, and let the exit code tell.
            return new(null, ReasonCodes.InternalError, $"Unexpected {e.GetType().Name}: {e.Message}");
        }
    }
}
