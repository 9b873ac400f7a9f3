using System.Globalization;
using System.IO.Compression;
using System.Text;
using ReportPipeline.Local;

namespace ReportPipeline.Core.Tests.Robustness;

/// <summary>
/// Generates the odd and hostile documents of the robustness tests: readable files that were once refused or half
/// read, and bombs that must be refused within bounded memory. Everything is deterministic.
/// </summary>
internal static class OddDocuments
{
    private const string Prose = "The Government welcomes the invitation of the Counter-Terrorism Committee to share its views on the guiding "
        + "questions circulated to Member States. The criminalization of terrorist financing, the freezing of assets without delay and the "
        + "denial of safe haven are now fully reflected in domestic legislation. The principal difficulties lie less in the law itself than "
        + "in its consistent application across institutions with very different capacities. Technical assistance delivered in the framework "
        + "of the assessment visits has been most effective when it responded to recommendations that the Government itself had prioritized. "
        + "A single national focal point for technical assistance has reduced duplication between donors and implementing partners.";

    private static readonly string[] s_words = Prose.Split(' ');

    /// <summary>The lines of body text on a page, about 45 characters each, different on every page.</summary>
    public static string[] PageLines(int page, int lines = 24)
    {
        var result = new string[lines];
        var cursor = page * 37;
        for (var i = 0; i < lines; i++)
        {
            var line = new StringBuilder($"P{page}L{i}");
            while (line.Length < 45)
            {
                line.Append(' ').Append(s_words[cursor++ % s_words.Length]);
            }

            result[i] = line.ToString();
        }

        return result;
    }

    /// <summary>
    /// A text PDF of <paramref name="pages"/> pages of <see cref="PageLines"/>. <paramref name="pageRotation"/> sets a
    /// page's /Rotate, so viewers turn it while its text stays drawn the usual way (it reads sideways on screen);
    /// <paramref name="textRotation"/> draws a page's text turned by that many degrees on an upright page.
    /// A <paramref name="damaged"/> page's content points at an object that is not there.
    /// </summary>
    public static byte[] TextPdf(int pages, Func<int, int>? pageRotation = null, Func<int, int>? textRotation = null, Func<int, bool>? damaged = null, byte[]? prefix = null)
    {
        var pdf = new PdfWriter();
        var catalog = pdf.Reserve();
        var tree = pdf.Reserve();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        var kids = new List<int>();
        for (var p = 1; p <= pages; p++)
        {
            var content = damaged?.Invoke(p) == true ? 9999 : pdf.AddFlateStream("", Encoding.Latin1.GetBytes(Content(PageLines(p), textRotation?.Invoke(p) ?? 0)));
            var rotate = pageRotation?.Invoke(p) ?? 0;
            kids.Add(pdf.Add($"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 595 842] /Rotate {rotate} /Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"));
        }

        pdf.Set(tree, $"<< /Type /Pages /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Count {pages} >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {tree} 0 R >>");
        return pdf.Build(catalog, prefix);
    }

    /// <summary>
    /// A one-page questionnaire: printed questions, each followed by a filled-in text field whose value exists only in
    /// the form (no appearance stream draws it), as a ministry would return it.
    /// </summary>
    public static byte[] FormPdf(IReadOnlyList<(string Question, string Field, string Value)> questions)
    {
        var pdf = new PdfWriter();
        var catalog = pdf.Reserve();
        var tree = pdf.Reserve();
        var page = pdf.Reserve();
        var font = pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        var content = new StringBuilder("BT /F1 11 Tf\n");
        var fields = new List<int>();
        var y = 780;
        foreach (var (question, field, value) in questions)
        {
            content.Append(CultureInfo.InvariantCulture, $"1 0 0 1 56 {y} Tm {PdfWriter.Literal(question)} Tj\n");
            var rect = $"[56 {y - 110} 540 {y - 20}]";
            fields.Add(pdf.Add($"<< /Type /Annot /Subtype /Widget /FT /Tx /Ff 4096 /T {PdfWriter.Literal(field)} /V {PdfWriter.Literal(value)} /Rect {rect} /P {page} 0 R >>"));
            y -= 140;
        }

        content.Append("ET");
        var stream = pdf.AddFlateStream("", Encoding.Latin1.GetBytes(content.ToString()));
        var references = string.Join(' ', fields.Select(f => $"{f} 0 R"));
        pdf.Set(page, $"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R >> >> /Contents {stream} 0 R /Annots [{references}] >>");
        pdf.Set(tree, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {tree} 0 R /AcroForm << /Fields [{references}] >> >>");
        return pdf.Build(catalog);
    }

    /// <summary>A one-page PDF whose content stream is a few hundred KB of zlib that inflates to <paramref name="inflatedBytes"/>.</summary>
    public static byte[] FlateBombPdf(long inflatedBytes)
    {
        var pdf = new PdfWriter();
        var catalog = pdf.Reserve();
        var tree = pdf.Reserve();
        var content = pdf.AddStream("/Filter /FlateDecode", Zeros(inflatedBytes));
        var page = pdf.Add($"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R >>");
        pdf.Set(tree, $"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>");
        pdf.Set(catalog, $"<< /Type /Catalog /Pages {tree} 0 R >>");
        return pdf.Build(catalog);
    }

    /// <summary>A Word file whose document.xml repeats one paragraph until it is <paramref name="xmlBytes"/> long; it zips to a few hundred KB.</summary>
    public static byte[] DocxPartBomb(long xmlBytes)
    {
        var paragraph = "<w:p><w:r><w:t>Paragraph of text repeated to make one enormous part.</w:t></w:r></w:p>"u8.ToArray();
        return Docx(body =>
        {
            for (long written = 0; written < xmlBytes; written += paragraph.Length)
            {
                body.Write(paragraph);
            }
        });
    }

    /// <summary>A Word file whose only paragraph sits inside <paramref name="depth"/> nested content controls.</summary>
    public static byte[] DocxDeeplyNested(int depth, string partName = "word/document.xml") => Docx(partName, body =>
    {
        var open = "<w:sdt><w:sdtContent>"u8.ToArray();
        var close = "</w:sdtContent></w:sdt>"u8.ToArray();
        for (var i = 0; i < depth; i++)
        {
            body.Write(open);
        }

        body.Write("<w:p><w:r><w:t>Deeply nested text.</w:t></w:r></w:p>"u8);
        for (var i = 0; i < depth; i++)
        {
            body.Write(close);
        }
    });

    /// <summary>An HTML page of about <paramref name="bytes"/> bytes of short paragraphs.</summary>
    public static byte[] HugeHtml(long bytes)
    {
        const string paragraph = "<p>Paragraph of text for the huge page, with <b>bold</b> words.</p>\n";
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        while (html.Length < bytes)
        {
            html.Append(paragraph);
        }

        return Encoding.UTF8.GetBytes(html.Append("</body></html>").ToString());
    }

    /// <summary>An HTML page whose only paragraph sits inside <paramref name="depth"/> nested divs.</summary>
    public static byte[] DeepHtml(int depth) =>
        Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "<p>Deeply nested text.</p>"
            + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>");

    /// <summary>A file's first 128 bytes as MacBinary II wraps a PDF copied off a classic Mac: name, type PDF, creator CARO.</summary>
    public static byte[] MacBinaryHeader()
    {
        var header = new byte[128];
        var name = "report.pdf"u8;
        header[1] = (byte)name.Length;
        name.CopyTo(header.AsSpan(2));
        "PDF CARO"u8.CopyTo(header.AsSpan(65));
        return header;
    }

    /// <summary>The words of a text, lower-cased, as recall counts them.</summary>
    public static List<string> Words(string text) =>
        [.. text.Split((char[])[' ', '\n', '\t', '.', ',', ':', ';'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant())];

    /// <summary>The share of <paramref name="expected"/>'s words (with repeats) found in <paramref name="actual"/>.</summary>
    public static double Recall(IEnumerable<string> expected, string actual)
    {
        var left = Words(actual).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        var wanted = expected.SelectMany(Words).ToList();
        var found = 0;
        foreach (var word in wanted)
        {
            if (left.TryGetValue(word, out var count) && count > 0)
            {
                left[word] = count - 1;
                found++;
            }
        }

        return wanted.Count == 0 ? 1 : (double)found / wanted.Count;
    }

    private static string Content(string[] lines, int rotation)
    {
        // The text matrix turns the text; the start keeps every rotated block on the page.
        var (cos, sin, x, y) = rotation switch
        {
            90 => (0, 1, 60, 80),
            180 => (-1, 0, 540, 80),
            270 => (0, -1, 540, 780),
            _ => (1, 0, 56, 780),
        };
        var content = new StringBuilder().Append(CultureInfo.InvariantCulture, $"BT /F1 11 Tf 15 TL {cos} {sin} {-sin} {cos} {x} {y} Tm\n");
        foreach (var line in lines)
        {
            content.Append(PdfWriter.Literal(line)).Append(" Tj T*\n");
        }

        return content.Append("ET").ToString();
    }

    /// <summary>A minimal Word file; <paramref name="writeBody"/> writes the XML inside w:body.</summary>
    private static byte[] Docx(Action<Stream> writeBody) => Docx("word/document.xml", writeBody);

    /// <summary>
    /// A minimal Word file whose main part is <paramref name="partName"/>, typed by an override in <c>[Content_Types].xml</c>
    /// whatever its extension (a <c>.bin</c> part would otherwise be an image).
    /// </summary>
    private static byte[] Docx(string partName, Action<Stream> writeBody)
    {
        var files = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Default Extension=\"bin\" ContentType=\"image/png\"/>"
                + $"<Override PartName=\"/{partName}\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
            ["_rels/.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"{partName}\"/></Relationships>",
        };
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }

            using var document = archive.CreateEntry(partName).Open();
            document.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"u8);
            writeBody(document);
            document.Write("</w:body></w:document>"u8);
        }

        return zip.ToArray();
    }

    private static byte[] Zeros(long count)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            var block = new byte[1024 * 1024];
            for (long written = 0; written < count; written += block.Length)
            {
                zlib.Write(block, 0, (int)Math.Min(block.Length, count - written));
            }
        }

        return output.ToArray();
    }
}
