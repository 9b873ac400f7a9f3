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
