namespace ReportPipeline.Core.Storage;

/// <summary>A published edition of the survey for a period.</summary>
public sealed record SurveyEdition(
    Period Period,
    string Edition,
    string ContentHash,
    DateTimeOffset CompiledAt,
    DateTimeOffset SourceChangedAt,
    int StatesReporting,
    IReadOnlyList<string> Files);
