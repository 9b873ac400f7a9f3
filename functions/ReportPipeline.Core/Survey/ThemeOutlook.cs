namespace ReportPipeline.Core.Survey;

/// <summary>A theme across the survey: which states raised it, where, and under which questions.</summary>
public sealed record ThemeOutlook(
    string Key,
    string Title,
    int States,
    IReadOnlyList<string> StateCodes,
    IReadOnlyList<string> Regions,
    IReadOnlyDictionary<Question, int> StatesByQuestion);
