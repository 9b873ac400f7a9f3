namespace ReportPipeline.Documents;

/// <summary>Where a format is analysed: locally, by Document Intelligence, or locally unless only OCR can read it.</summary>
public enum AnalysisMode
{
    Auto,
    Local,
    DocumentIntelligence,
}
