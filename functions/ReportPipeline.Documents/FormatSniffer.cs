using System.Text;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Documents;

/// <summary>Tells a file's format from its first bytes, never from its name.</summary>
public static class FormatSniffer
{
    private const int SniffLength = 4096;

    /// <summary>PDF readers look for the header this far into a file: a byte-order mark or a MacBinary wrapper may come first.</summary>
    private const int PdfHeaderWindow = 1024;

    public static DocumentFormat Detect(ReadOnlySpan<byte> content)
    {
        if (PdfHeaderOffset(content) >= 0)
        {
            return DocumentFormat.Pdf;
        }

        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return content.IndexOf("word/"u8) >= 0 || content.IndexOf("[Content_Types].xml"u8) >= 0 ? DocumentFormat.Docx : DocumentFormat.Unknown;
        }

        if (ImageMediaType(content) is not null)
        {
            return DocumentFormat.Image;
        }

        var head = content[..Math.Min(content.Length, SniffLength)];
        if (head.IndexOf((byte)0) >= 0 && !HasUtf16Bom(head))
        {
            return DocumentFormat.Unknown;
        }

        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return DocumentFormat.Html;
        }

        return text.StartsWith('#') || text.Contains("\n#", StringComparison.Ordinal) ? DocumentFormat.Markdown : DocumentFormat.Text;
    }

    /// <summary>The media type of an image from its magic bytes (JPEG, PNG, TIFF, BMP); null when the bytes are no such image.</summary>
    public static string? ImageMediaType(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : content.StartsWith("\u0089PNG"u8) ? "image/png"
        : content.StartsWith("II*\0"u8) || content.StartsWith("MM\0*"u8) ? "image/tiff"
        : content.StartsWith("BM"u8) ? "image/bmp"
        : null;

    /// <summary>
    /// A password-protected Word file is not a zip but an OLE compound file holding an "EncryptedPackage" stream; it
    /// deserves <c>encrypted</c>, not <c>unsupported-format</c>.
    /// </summary>
    public static bool IsEncryptedOffice(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        && content.IndexOf("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"u8) >= 0;

    /// <summary>Where <c>%PDF-</c> starts within the first 1,024 bytes, or -1.</summary>
    public static int PdfHeaderOffset(ReadOnlySpan<byte> content) => content[..Math.Min(content.Length, PdfHeaderWindow + 4)].IndexOf("%PDF-"u8);

    /// <summary>The formats a file name's extension claims, for the mismatch warning.</summary>
    public static DocumentFormat FromExtension(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => DocumentFormat.Pdf,
        ".docx" => DocumentFormat.Docx,
        ".html" or ".htm" => DocumentFormat.Html,
        ".md" or ".markdown" => DocumentFormat.Markdown,
        ".txt" => DocumentFormat.Text,
        ".png" or ".jpg" or ".jpeg" or ".tif" or ".tiff" or ".bmp" => DocumentFormat.Image,
        _ => DocumentFormat.Unknown,
    };

    private static bool HasUtf16Bom(ReadOnlySpan<byte> head) => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
}
