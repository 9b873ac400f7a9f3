namespace ReportPipeline.Core.Staff;

/// <summary>A period's reporting coverage as the staff desk shows it: all states, then per UN M49 region; and its latest survey edition, if any.</summary>
public sealed record PeriodCoverage(Period Period, bool Open, Coverage World, IReadOnlyList<Coverage> Regions, string? LatestEdition);
