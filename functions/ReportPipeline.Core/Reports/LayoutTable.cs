namespace ReportPipeline.Core.Reports;

/// <summary>A table as rows of cell texts.</summary>
public sealed record LayoutTable(int Page, int Index, IReadOnlyList<IReadOnlyList<string>> Rows);
