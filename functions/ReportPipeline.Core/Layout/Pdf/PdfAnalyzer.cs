using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace ReportPipeline.Core.Layout.Pdf;

/// <summary>
/// Born-digital PDFs with PdfPig: columns in reading order, running headers, footers and page numbers marked by
/// their repetition, headings from size and weight, hyphenated line ends joined. A PDF without a text layer is
/// refused as <see cref="ReasonCodes.NeedsOcr"/> so the router can send it to OCR.
/// </summary>
public sealed class PdfAnalyzer(IOptions<AnalysisOptions> options) : IFormatAnalyzer
{
    public bool CanAnalyze(DocumentFormat format) => format == DocumentFormat.Pdf;

    public Task<LayoutDocument> AnalyzeAsync(ReadOnlyMemory<byte> content, DocumentFormat format, CancellationToken cancellationToken)
    {
        var bytes = MemoryMarshal.TryGetArray(content, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : content.ToArray();
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages > options.Value.MaxPages)
            {
                throw new ReportRejectedException(ReasonCodes.TooManyPages,
                    $"The PDF has {document.NumberOfPages} pages; at most {options.Value.MaxPages} are accepted.");
            }

            var lines = new List<PdfLine>();
            var pageHeights = new double[document.NumberOfPages + 1];
            var images = 0;
            var reader = new PdfPageReader();
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = document.GetPage(number);
                pageHeights[number] = page.Height;
                var pageLines = reader.ReadLines(page);
                if (pageLines.Count == 0)
                {
                    images += page.NumberOfImages;
                }

                lines.AddRange(pageLines);
            }

            if (lines.Count == 0 && images > 0)
            {
                throw new ReportRejectedException(ReasonCodes.NeedsOcr, "The PDF has no text layer (it is a scan); it needs OCR to be read.");
            }

            var paragraphs = PdfParagraphBuilder.Build(lines, pageHeights);
            return Task.FromResult(new LayoutDocument(DocumentFormat.Pdf, "", document.NumberOfPages, paragraphs, [], []));
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new ReportRejectedException(ReasonCodes.Encrypted, "The PDF is password-protected; upload it without a password.");
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException
            or NullReferenceException or InvalidCastException or KeyNotFoundException or FormatException or OverflowException
            or EndOfStreamException or NotSupportedException or UglyToad.PdfPig.Fonts.InvalidFontFormatException
            or UglyToad.PdfPig.Fonts.CorruptCompressedDataException or InvalidDataException or PdfDocumentStackDepthException)
        {
            // PdfPig reports damage through many exception types; all of them mean the same to a focal point.
            throw new ReportRejectedException(ReasonCodes.Corrupt, "The PDF is damaged and cannot be read; export it again and upload the new file.");
        }
    }
}
