namespace ReportPipeline.Core.Survey;

/// <summary>An edition as listed: its name, when it was compiled and how many states it counts.</summary>
public sealed record EditionSummary(string Edition, DateTimeOffset CompiledAt, int StatesReporting);
