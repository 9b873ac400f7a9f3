namespace ReportPipeline.Core.Storage;

/// <summary>The last change to a period's submissions, which decides whether it needs a new edition.</summary>
public sealed record PeriodActivity(Period Period, DateTimeOffset LastChangedAt);
