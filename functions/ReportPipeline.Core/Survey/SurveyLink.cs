namespace ReportPipeline.Core.Survey;

/// <summary>A read-only link to one file of a survey edition, with the file's language (null for the language-neutral JSON and CSV).</summary>
public sealed record SurveyLink(string File, Uri Url, DateTimeOffset ExpiresAt, string? Language);
