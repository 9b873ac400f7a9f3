using Microsoft.Extensions.Options;
using ReportPipeline.Core;
using ReportPipeline.Core.Languages;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Documents;

/// <summary>
/// Routes a report to the analyzer of its sniffed format and fills in what every format shares. By
/// <see cref="AnalysisOptions.Mode"/>: <c>Local</c> never calls out; <c>DocumentIntelligence</c> sends every format the
/// service takes; <c>Auto</c> reads born-digital files locally and sends scans and images to OCR when it is configured.
/// </summary>
public sealed class DocumentAnalyzer(IEnumerable<IFormatAnalyzer> analyzers, IOptions<AnalysisOptions>? options = null, IOcrAnalyzer? ocr = null)
    : IDocumentAnalyzer
{
    private readonly IFormatAnalyzer[] _analyzers = [.. analyzers];
    private readonly AnalysisMode _mode = options?.Value.Mode ?? AnalysisMode.Auto;
    private readonly IOcrAnalyzer? _ocr = ocr is { IsConfigured: true } ? ocr : null;

    public async Task<LayoutDocument> AnalyzeAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken)
    {
        if (content.IsEmpty)
        {
            throw new ReportRejectedException(ReasonCodes.Empty, "The file is empty.");
        }

        var format = FormatSniffer.Detect(content.Span);
        if (format == DocumentFormat.Unknown && FormatSniffer.IsEncryptedOffice(content.Span))
        {
            throw new ReportRejectedException(ReasonCodes.Encrypted, "The Word file is password-protected; upload it without a password.");
        }

        var layout = await RouteAsync(content, format, cancellationToken);
        if (!layout.ContentParagraphs.Any(p => p.Text.Length > 0))
        {
            throw new ReportRejectedException(ReasonCodes.NoText, "The document contains no readable text.");
        }

        var warnings = layout.Warnings.ToList();
        var claimed = FormatSniffer.FromExtension(fileName);
        if (claimed != layout.Format && !(claimed == DocumentFormat.Text && layout.Format == DocumentFormat.Markdown))
        {
            warnings.Add($"format-mismatch: the name says {claimed}, the content is {layout.Format}");
        }

        var language = layout.Language.Length > 0
            ? layout.Language
            : LanguageDetector.Detect(string.Join('\n', layout.ContentParagraphs.Select(p => p.Text)));
        return layout with { Language = language, Warnings = warnings };
    }

    private async Task<LayoutDocument> RouteAsync(ReadOnlyMemory<byte> content, DocumentFormat format, CancellationToken cancellationToken)
    {
        var remote = _mode != AnalysisMode.Local && _ocr is not null && _ocr.CanAnalyze(format) ? _ocr : null;
        if (remote is not null && _mode == AnalysisMode.DocumentIntelligence)
        {
            return await remote.AnalyzeAsync(content, format, cancellationToken);
        }

        var analyzer = _analyzers.FirstOrDefault(a => a.CanAnalyze(format));
        if (analyzer is null)
        {
            return remote is not null
                ? await remote.AnalyzeAsync(content, format, cancellationToken)
                : throw new ReportRejectedException(format == DocumentFormat.Image ? ReasonCodes.NeedsOcr : ReasonCodes.UnsupportedFormat,
                    format switch
                    {
                        DocumentFormat.Unknown => "The file is not a PDF, Word (.docx), HTML, text or Markdown document.",
                        DocumentFormat.Image => "The file is an image; it needs OCR, which this deployment has not configured.",
                        _ => $"{format} files cannot be read by this deployment.",
                    });
        }

        try
        {
            return await analyzer.AnalyzeAsync(content, format, cancellationToken);
        }
        catch (ReportRejectedException e) when (e.ReasonCode == ReasonCodes.NeedsOcr && remote is not null)
        {
            return await remote.AnalyzeAsync(content, format, cancellationToken);
        }
    }
}
