extern alias OpenXml;

using System.IO.Compression;
using System.Text;
using System.Xml;
using OpenXml::DocumentFormat.OpenXml;
using OpenXml::DocumentFormat.OpenXml.Packaging;
using OpenXml::DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Options;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Documents.Docx;

/// <summary>
/// Word files with the Open XML SDK: heading styles and outline levels, numbered lists, tables and footnotes. Only
/// stored text is read: macros are never run, fields give their last result, external relationships are never followed.
/// </summary>
public sealed class DocxAnalyzer(IOptions<AnalysisOptions> options) : IFormatAnalyzer
{
    public bool CanAnalyze(DocumentFormat format) => format == DocumentFormat.Docx;

    public Task<LayoutDocument> AnalyzeAsync(ReadOnlyMemory<byte> content, DocumentFormat format, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        using var package = BoundedZip.Copy(content, limits.MaxDocxUncompressedBytes, limits.MaxDocxEntries, limits.MaxDocxPartBytes, cancellationToken);
        try
        {
            CheckNesting(package, limits.MaxDocxDepth, cancellationToken);
            package.Position = 0;
            // The part check above already holds every part to this many bytes, so this is only the reader's own backstop.
            var settings = new OpenSettings { AutoSave = false, MaxCharactersInPart = limits.MaxDocxPartBytes };
            using var document = WordprocessingDocument.Open(package, false, settings);
            var main = document.MainDocumentPart ?? throw new ReportRejectedException(ReasonCodes.Corrupt, "The Word file has no document body.");
            var reader = new DocxReader(main, cancellationToken);
            return Task.FromResult(reader.Read());
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException)
        {
            throw new ReportRejectedException(ReasonCodes.Corrupt, "The Word file is damaged and cannot be read; save it again and upload the new file.");
        }
    }

    /// <summary>
    /// Refuses XML nested deeper than <paramref name="maxDepth"/> before the Open XML SDK builds its tree, which it does
    /// recursively: a few hundred thousand nested content controls would overflow the stack and end the process.
    /// </summary>
    private static void CheckNesting(MemoryStream package, int maxDepth, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };
        using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in zip.Entries.Where(e => BoundedZip.IsXml(e.FullName)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var reader = XmlReader.Create(entry.Open(), settings);
            while (reader.Read())
            {
                if (reader.Depth > maxDepth)
                {
                    throw new ReportRejectedException(ReasonCodes.TooLarge,
                        $"The Word file nests its content more than {maxDepth} levels deep in {entry.FullName}, more than can be read safely.");
                }
            }
        }
    }

    /// <summary>One pass over a document body, keeping the page count from explicit page breaks.</summary>
    private sealed class DocxReader(MainDocumentPart main, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, Style> _styles = main.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null).GroupBy(s => s.StyleId!.Value!).ToDictionary(g => g.Key, g => g.First()) ?? [];

        private readonly List<LayoutParagraph> _paragraphs = [];
        private readonly List<LayoutTable> _tables = [];
        private int _page = 1;

        public LayoutDocument Read()
        {
            foreach (var header in main.HeaderParts)
            {
                AddFurniture(header.Header, ParagraphRole.PageHeader);
            }

            if (main.Document?.Body is { } body)
            {
                ReadBlocks(body);
            }

            foreach (var footnote in main.FootnotesPart?.Footnotes?.Elements<Footnote>() ?? [])
            {
                // Ids 0 and -1 (and typed notes) are the separator lines Word keeps in the same part.
                if (footnote.Type is null || footnote.Type.Value == FootnoteEndnoteValues.Normal)
                {
                    Add(ParagraphRole.Footnote, string.Join(' ', footnote.Elements<Paragraph>().Select(TextOf)));
                }
            }

            foreach (var endnote in main.EndnotesPart?.Endnotes?.Elements<Endnote>() ?? [])
            {
                if (endnote.Type is null || endnote.Type.Value == FootnoteEndnoteValues.Normal)
                {
                    Add(ParagraphRole.Footnote, string.Join(' ', endnote.Elements<Paragraph>().Select(TextOf)));
                }
            }

            foreach (var footer in main.FooterParts)
            {
                AddFurniture(footer.Footer, ParagraphRole.PageFooter);
            }

            return new LayoutDocument(DocumentFormat.Docx, "", _page, _paragraphs, _tables, []);
        }

        private void AddFurniture(OpenXmlElement? part, ParagraphRole role)
        {
            foreach (var paragraph in part?.Descendants<Paragraph>() ?? [])
            {
                Add(role, TextOf(paragraph));
            }
        }

        /// <summary>Paragraphs and tables in document order, through content controls and custom XML, with a stack rather than recursion.</summary>
        private void ReadBlocks(OpenXmlElement body)
        {
            var open = new Stack<IEnumerator<OpenXmlElement>>();
            open.Push(body.ChildElements.GetEnumerator());
            while (open.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!open.Peek().MoveNext())
                {
                    open.Pop().Dispose();
                    continue;
                }

                switch (open.Peek().Current)
                {
                    case Paragraph paragraph:
                        ReadParagraph(paragraph);
                        break;
                    case Table table:
                        ReadTable(table);
                        break;
                    case SdtBlock or CustomXmlBlock or SdtContentBlock:
                        open.Push(open.Peek().Current.ChildElements.GetEnumerator());
                        break;
                }
            }
        }

        private void ReadParagraph(Paragraph paragraph)
        {
            var text = TextOf(paragraph);
            var (role, level) = RoleOf(paragraph);
            Add(role, text, level);
            _page += paragraph.Descendants<Break>().Count(b => b.Type?.Value == BreakValues.Page);
        }

        private void ReadTable(Table table)
        {
            var rows = new List<IReadOnlyList<string>>();
            foreach (var row in table.Elements<TableRow>())
            {
                rows.Add(row.Elements<TableCell>().Select(c => ScriptText.CollapseWhitespace(string.Join(' ', c.Descendants<Paragraph>().Select(TextOf)))).ToList());
            }

            if (rows.Count == 0)
            {
                return;
            }

            _tables.Add(new LayoutTable(_page, _paragraphs.Count + 1, rows));
            _paragraphs.Add(new LayoutParagraph(_page, _paragraphs.Count + 1, ParagraphRole.Table, string.Join('\n', rows.Select(r => string.Join('\t', r)))));
        }

        private void Add(ParagraphRole role, string text, int level = 0)
        {
            text = ScriptText.CollapseWhitespace(text);
            if (text.Length > 0)
            {
                _paragraphs.Add(new LayoutParagraph(_page, _paragraphs.Count + 1, role, text, level));
            }
        }

        private (ParagraphRole Role, int Level) RoleOf(Paragraph paragraph)
        {
            var properties = paragraph.ParagraphProperties;
            var outline = properties?.OutlineLevel?.Val?.Value;
            var numbered = properties?.NumberingProperties is not null;
            for (var (styleId, depth) = (properties?.ParagraphStyleId?.Val?.Value, 0); styleId is not null && depth < 10; depth++)
            {
                if (!_styles.TryGetValue(styleId, out var style))
                {
                    break;
                }

                var name = style.StyleName?.Val?.Value ?? styleId;
                if (name.Equals("Title", StringComparison.OrdinalIgnoreCase))
                {
                    return (ParagraphRole.Title, 0);
                }

                if (name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) && int.TryParse(name.AsSpan(8), out var headingLevel))
                {
                    outline ??= headingLevel - 1;
                }

                outline ??= style.StyleParagraphProperties?.OutlineLevel?.Val?.Value;
                numbered |= style.StyleParagraphProperties?.NumberingProperties is not null;
                styleId = style.BasedOn?.Val?.Value;
            }

            // Outline level 9 is Word's "body text".
            return outline is { } o and < 9 ? (ParagraphRole.Heading, o + 1) : numbered ? (ParagraphRole.ListItem, 0) : (ParagraphRole.Body, 0);
        }

        private static string TextOf(OpenXmlElement paragraph)
        {
            var builder = new StringBuilder();
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case Text text:
                        builder.Append(text.Text);
                        break;
                    case TabChar or Break or CarriageReturn:
                        builder.Append(' ');
                        break;
                    case NoBreakHyphen:
                        builder.Append('-');
                        break;
                }
            }

            return builder.ToString();
        }
    }
}
