using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Cli.Soak;

/// <summary>What the blob trigger's tries came to: the function's outcome, or null when every try failed; the reason code of each failed try.</summary>
internal sealed record TriggerResult(IngestionOutcome? Outcome, IReadOnlyList<string> FailedTries);
