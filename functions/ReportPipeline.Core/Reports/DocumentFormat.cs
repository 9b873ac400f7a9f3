namespace ReportPipeline.Core.Reports;

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
