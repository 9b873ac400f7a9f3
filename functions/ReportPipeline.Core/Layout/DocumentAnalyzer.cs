using ReportPipeline.Core.Languages;

namespace ReportPipeline.Core.Layout;

/// <summary>Routes a report to the analyzer of its sniffed format and fills in what every format shares.</summary>
public sealed class DocumentAnalyzer(IEnumerable<IFormatAnalyzer> analyzers) : IDocumentAnalyzer
{
    private readonly IFormatAnalyzer[] _analyzers = [.. analyzers];

    public async Task<LayoutDocument> AnalyzeAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken)
    {
        if (content.IsEmpty)
        {
            throw new ReportRejectedException(ReasonCodes.Empty, "The file is empty.");
        }

        var format = FormatSniffer.Detect(content.Span);
        var analyzer = _analyzers.FirstOrDefault(a => a.CanAnalyze(format))
            ?? throw new ReportRejectedException(ReasonCodes.UnsupportedFormat,
                format == DocumentFormat.Unknown
                    ? "The file is not a PDF, Word (.docx), HTML, text or Markdown document."
                    : $"{format} files cannot be read by this deployment.");

        var layout = await analyzer.AnalyzeAsync(content, format, cancellationToken);
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
}
