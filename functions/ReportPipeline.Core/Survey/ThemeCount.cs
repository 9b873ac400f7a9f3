namespace ReportPipeline.Core.Survey;

/// <summary>A theme and the number of states that raised it.</summary>
public sealed record ThemeCount(string Key, string Title, int States);
