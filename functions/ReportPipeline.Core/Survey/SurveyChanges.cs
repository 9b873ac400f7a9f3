namespace ReportPipeline.Core.Survey;

/// <summary>What changed against the edition the committee saw before (this period's latest, else the previous period's).</summary>
public sealed record SurveyChanges(
    string BaselinePeriod,
    string BaselineEdition,
    int BaselineStatesReporting,
    int StatesReporting,
    IReadOnlyList<StateRef> NewReporters,
    IReadOnlyList<StateRef> RevisedReports,
    IReadOnlyList<StateRef> NoLongerReporting,
    IReadOnlyList<ThemeChange> Rising,
    IReadOnlyList<ThemeChange> Falling);
