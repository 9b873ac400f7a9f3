using System.Text.Json;
using Polly.Timeout;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;

namespace ReportPipeline.Infrastructure.DocumentIntelligence;

/// <summary>The OCR side of routing: PDFs and images always, Word and HTML only on 2024-11-30 (v3.1 layout has no DOCX).</summary>
public sealed class DocumentIntelligenceAnalyzer(DocumentIntelligenceOptions options, Lazy<DocumentIntelligenceClient> client) : IOcrAnalyzer
{
    public bool IsConfigured => options.IsConfigured;

    public bool CanAnalyze(DocumentFormat format) => format switch
    {
        DocumentFormat.Pdf or DocumentFormat.Image => true,
        DocumentFormat.Docx or DocumentFormat.Html => options.ApiVersion == DocumentIntelligenceOptions.V4,
        _ => false,
    };

    /// <summary>A failure of the service (after the client's retries) becomes <c>ocr-unavailable</c>, or <c>timeout</c> when it was too slow.</summary>
    public async Task<LayoutDocument> AnalyzeAsync(ReadOnlyMemory<byte> content, DocumentFormat format, CancellationToken cancellationToken)
    {
        JsonElement result;
        try
        {
            result = await client.Value.AnalyzeAsync(content, ContentType(content.Span, format), cancellationToken);
        }
        catch (Exception e) when (e is not ReportRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw e is TimeoutRejectedException or TimeoutException or OperationCanceledException
                ? new ServiceUnavailableException(ReasonCodes.Timeout, "Document Intelligence did not finish the analysis in time.", e)
                : new ServiceUnavailableException(ReasonCodes.OcrUnavailable, "Document Intelligence failed or could not be reached.", e);
        }

        return AnalyzeResultMapper.Map(result, format);
    }

    /// <summary>The media type from the bytes, as the sniffer saw them; text/plain is never sent (the service refuses it).</summary>
    public static string ContentType(ReadOnlySpan<byte> content, DocumentFormat format) => format switch
    {
        DocumentFormat.Pdf => "application/pdf",
        DocumentFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentFormat.Html => "text/html",
        _ => FormatSniffer.ImageMediaType(content) ?? "application/octet-stream",
    };
}
