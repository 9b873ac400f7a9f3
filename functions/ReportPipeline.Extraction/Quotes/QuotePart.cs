using ReportPipeline.Core.Reports;

namespace ReportPipeline.Extraction.Quotes;

/// <summary>Where a verified quote stands in one paragraph: the range <c>[Start, End)</c> of the paragraph's text, and that text.</summary>
public sealed record QuotePart(LayoutParagraph Paragraph, int Start, int End, string Text);
