namespace ReportPipeline.Core.Reports;

/// <summary>A thematic key of the survey with the words that signal it.</summary>
public sealed record Theme(string Key, string Title, IReadOnlyList<string> Terms);
