namespace ReportPipeline.Core.Reports;

/// <summary>A paragraph in reading order; <see cref="Index"/> is 1-based across the whole document.</summary>
public sealed record LayoutParagraph(int Page, int Index, ParagraphRole Role, string Text, int HeadingLevel = 0)
{
    public bool IsHeading => Role is ParagraphRole.Heading or ParagraphRole.Title;

    public bool IsFurniture => Role is ParagraphRole.PageHeader or ParagraphRole.PageFooter or ParagraphRole.PageNumber;
}
