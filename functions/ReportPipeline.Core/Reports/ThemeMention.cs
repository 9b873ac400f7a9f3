namespace ReportPipeline.Core.Reports;

/// <summary>A theme and the questions in whose answers it appears.</summary>
public sealed record ThemeMention(string Key, IReadOnlyList<Question> Questions);
