using ReportPipeline.Core.Survey.Translation;

namespace ReportPipeline.Core.Survey;

/// <summary>
/// The Global Implementation Survey for one period, as every renderer sees it; <see cref="Translations"/> are the machine
/// translations of its excerpts, made after compiling and never part of its content hash.
/// </summary>
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
    SurveyChanges? Changes,
    SurveyTranslations? Translations = null)
{
    /// <summary>
    /// 2: sub-regions with their own excerpts, excerpt sources, per-question answers in the annex, changes. 3: each state's and
    /// excerpt's <c>review</c> mark (<see cref="ReviewMarks"/>), the date a state was reviewed, and the count of reviewed reports.
    /// </summary>
    public const int CurrentSchemaVersion = 3;
}
