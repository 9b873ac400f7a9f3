namespace ReportPipeline.Core.Survey;

/// <summary>How many states reported in a language.</summary>
public sealed record LanguageCount(string Language, int States);
