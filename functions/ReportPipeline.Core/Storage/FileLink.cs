namespace ReportPipeline.Core.Storage;

/// <summary>A short-lived, read-only link to one file of a survey edition.</summary>
public sealed record FileLink(string File, Uri Url);
