namespace ReportPipeline.Core.Survey;

/// <summary>A read-only link to one file of a survey edition.</summary>
public sealed record SurveyLink(string File, Uri Url, DateTimeOffset ExpiresAt);
