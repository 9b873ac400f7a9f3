namespace ReportPipeline.Core.Reports;

/// <summary>Where an answer came from: 1-based page and paragraph of the analysed document.</summary>
public sealed record Provenance(int Page, int Paragraph);
