namespace ReportPipeline.Core.Survey;

/// <summary>
/// An M49 sub-region, or its intermediate region where M49 has one (Western Africa within Sub-Saharan Africa),
/// with the states in it that reported, their leading themes and representative excerpts.
/// </summary>
public sealed record SubregionOutlook(
    string Name,
    string M49Subregion,
    int StatesReporting,
    int TotalStates,
    IReadOnlyList<string> Reporting,
    IReadOnlyList<ThemeCount> LeadingThemes,
    IReadOnlyList<Excerpt> Excerpts);
