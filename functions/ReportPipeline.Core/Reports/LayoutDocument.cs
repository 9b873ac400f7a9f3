namespace ReportPipeline.Core.Reports;

/// <summary>What a paragraph is for; running headers, footers and page numbers answer nothing.</summary>
public enum ParagraphRole
{
    Body,
    Title,
    Heading,
    ListItem,
    Table,
    Footnote,
    PageHeader,
    PageFooter,
    PageNumber,
}

/// <summary>The file formats the pipeline recognises from content.</summary>
public enum DocumentFormat
{
    Unknown,
    Text,
    Markdown,
    Html,
    Pdf,
    Docx,
    Image,
}

/// <summary>A paragraph in reading order; <see cref="Index"/> is 1-based across the whole document.</summary>
public sealed record LayoutParagraph(int Page, int Index, ParagraphRole Role, string Text, int HeadingLevel = 0)
{
    public bool IsHeading => Role is ParagraphRole.Heading or ParagraphRole.Title;

    public bool IsFurniture => Role is ParagraphRole.PageHeader or ParagraphRole.PageFooter or ParagraphRole.PageNumber;
}

/// <summary>A table as rows of cell texts.</summary>
public sealed record LayoutTable(int Page, int Index, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>The format-independent view of a report that extraction works on.</summary>
public sealed record LayoutDocument(
    DocumentFormat Format,
    string Language,
    int Pages,
    IReadOnlyList<LayoutParagraph> Paragraphs,
    IReadOnlyList<LayoutTable> Tables,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The paragraphs that carry content, without running headers, footers and page numbers.</summary>
    public IEnumerable<LayoutParagraph> ContentParagraphs => Paragraphs.Where(p => !p.IsFurniture);
}
