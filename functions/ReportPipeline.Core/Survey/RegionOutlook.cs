namespace ReportPipeline.Core.Survey;

/// <summary>A UN M49 region: its coverage, leading themes and sub-regions.</summary>
public sealed record RegionOutlook(
    string Name,
    int StatesReporting,
    int TotalStates,
    IReadOnlyList<ThemeCount> LeadingThemes,
    IReadOnlyList<SubregionOutlook> Subregions);
