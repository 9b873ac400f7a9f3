using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Reports;
using ReportPipeline.Extraction.Learned;
using ReportPipeline.Extraction.Quotes;

namespace ReportPipeline.Extraction;

/// <summary>
/// The extractor ingestion and the CLI use, chosen by <see cref="ExtractionOptions.Mode"/>: <c>Local</c> never calls out;
/// <c>AzureOpenAI</c> asks the model (<see cref="QuoteExtractor"/>); <c>Auto</c> asks it when an endpoint is configured. When
/// the model gives no usable answer the local extractor answers instead and the report carries a warning with the reason
/// code, so nothing is lost and no upload is refused for it.
/// </summary>
public sealed class ExtractionRouter(
    LearnedExtractor local,
    ThemeCatalog themes,
    IOptions<ExtractionOptions> options,
    ILogger<ExtractionRouter> logger,
    IQuoteProposer? proposer = null) : IAnswerExtractor
{
    private readonly QuoteExtractor? _quotes = options.Value.Mode != ExtractionMode.Local && proposer is { IsConfigured: true }
        ? new QuoteExtractor(proposer, themes, options.Value.MaxModelTokensPerReport)
        : null;

    /// <summary>The model's version when it is asked first, else the local extractor's.</summary>
    public string ExtractorVersion => _quotes is null ? local.ExtractorVersion : proposer!.ExtractorVersion;

    public async Task<ExtractedReport> ExtractAsync(LayoutDocument document, CancellationToken cancellationToken)
    {
        if (_quotes is null)
        {
            return local.Extract(document);
        }

        try
        {
            var report = await _quotes.ExtractAsync(document, cancellationToken);
            logger.QuotesVerified(report.ExtractorVersion, report.Answers.Count, report.QuotesRejected);
            return report;
        }
        catch (QuoteProposalException e)
        {
            logger.ExtractionFellBack(e.Code, e.Message);
            var report = local.Extract(document);
            return report with { Warnings = [$"{e.Code}: {e.Message} The local extractor answered instead.", .. report.Warnings] };
        }
    }
}
