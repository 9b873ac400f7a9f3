namespace ReportPipeline.Core.Survey;

/// <summary>The Global Implementation Survey for one period, as every renderer sees it.</summary>
public sealed record SurveyModel(
    int SchemaVersion,
    string Period,
    string Edition,
    DateTimeOffset CompiledAt,
    SurveyIntroduction Introduction,
    GlobalOutlook Global,
    IReadOnlyList<RegionOutlook> Regions,
    IReadOnlyList<ThemeOutlook> Themes,
    IReadOnlyList<StateStatus> Annex,
    SurveyChanges? Changes)
{
    /// <summary>2: sub-regions with their own excerpts, excerpt sources, per-question answers in the annex, changes.</summary>
    public const int CurrentSchemaVersion = 2;
}
