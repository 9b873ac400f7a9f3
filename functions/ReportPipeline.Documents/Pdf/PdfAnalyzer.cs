using System.Globalization;
using Microsoft.Extensions.Options;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace ReportPipeline.Documents.Pdf;

/// <summary>
/// Born-digital PDFs with PdfPig: columns in reading order, running headers, footers and page numbers marked by
/// their repetition, headings from size and weight, hyphenated line ends joined, text turned by a quarter read upright,
/// form field values read where their boxes are. A PDF without a text layer is refused as <see cref="ReasonCodes.NeedsOcr"/>
/// so the router can send it to OCR; a damaged page is skipped with a warning, and only a file whose pages mostly
/// fail is refused as <see cref="ReasonCodes.Corrupt"/>.
/// </summary>
public sealed class PdfAnalyzer(IOptions<AnalysisOptions> options) : IFormatAnalyzer
{
    public bool CanAnalyze(DocumentFormat format) => format == DocumentFormat.Pdf;

    public Task<LayoutDocument> AnalyzeAsync(ReadOnlyMemory<byte> content, DocumentFormat format, CancellationToken cancellationToken)
    {
        // Offsets inside the file count from the header, wherever in the first 1,024 bytes it starts.
        var pdf = content[Math.Max(0, FormatSniffer.PdfHeaderOffset(content.Span))..];
        var budget = new DecodeBudget(options.Value.MaxPdfStreamBytes, options.Value.MaxPdfDecodedBytes);
        try
        {
            var parsing = new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = new BoundedFilterProvider(budget) };
            using var document = PdfDocument.Open(pdf, parsing);
            return Task.FromResult(Read(document, budget, cancellationToken));
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new ReportRejectedException(ReasonCodes.Encrypted, "The PDF is password-protected; upload it without a password.");
        }
        catch (Exception e) when (PdfFailure.IsDocumentFault(e))
        {
            budget.ThrowIfSpent();
            throw Corrupt();
        }
    }

    private LayoutDocument Read(PdfDocument document, DecodeBudget budget, CancellationToken cancellationToken)
    {
        var pages = document.NumberOfPages;
        if (pages > options.Value.MaxPages)
        {
            throw new ReportRejectedException(ReasonCodes.TooManyPages, $"The PDF has {pages} pages; at most {options.Value.MaxPages} are accepted.");
        }

        var warnings = new List<string>();
        var fields = new Dictionary<int, List<PdfLine>>();
        try
        {
            fields = PdfFormFields.Read(document, pages);
        }
        catch (Exception e) when (PdfFailure.IsDocumentFault(e))
        {
            budget.ThrowIfSpent();
            warnings.Add("form-unreadable: the PDF's form fields are damaged; only the printed text was read");
        }

        var lines = new List<PdfLine>();
        var pageHeights = new double[pages + 1];
        var images = 0;
        var skipped = new List<int>();
        var reader = new PdfPageReader();
        for (var number = 1; number <= pages; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var page = document.GetPage(number);
                var pageLines = reader.ReadLines(page, fields.GetValueOrDefault(number) ?? [], out pageHeights[number]);
                if (pageLines.Count == 0)
                {
                    images += page.NumberOfImages;
                }

                lines.AddRange(pageLines);
            }
            catch (Exception e) when (PdfFailure.IsDocumentFault(e))
            {
                skipped.Add(number);
            }

            budget.ThrowIfSpent();
        }

        if (skipped.Count * 2 > pages)
        {
            throw Corrupt();
        }

        if (skipped.Count > 0)
        {
            warnings.Add($"damaged-pages: {(skipped.Count == 1 ? "page" : "pages")} {string.Join(", ", skipped.Select(p => p.ToString(CultureInfo.InvariantCulture)))} "
                + $"of {pages} could not be read and {(skipped.Count == 1 ? "was" : "were")} skipped");
        }

        if (lines.Count == 0 && images > 0)
        {
            throw new ReportRejectedException(ReasonCodes.NeedsOcr, "The PDF has no text layer (it is a scan); it needs OCR to be read.");
        }

        return new LayoutDocument(DocumentFormat.Pdf, "", pages, PdfParagraphBuilder.Build(lines, pageHeights), [], warnings);
    }

    private static ReportRejectedException Corrupt() =>
        new(ReasonCodes.Corrupt, "The PDF is damaged and cannot be read; export it again and upload the new file.");
}
