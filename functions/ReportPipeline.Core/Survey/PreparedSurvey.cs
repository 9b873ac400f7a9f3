using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Survey;

/// <summary>A compiled and rendered survey, not yet published; its content hash leaves out the edition, the time and the changes.</summary>
public sealed record PreparedSurvey(SurveyModel Model, IReadOnlyList<SurveyFile> Files, string ContentHash, DateTimeOffset SourceChangedAt);
