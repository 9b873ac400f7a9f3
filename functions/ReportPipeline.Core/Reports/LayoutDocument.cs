namespace ReportPipeline.Core.Reports;

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
