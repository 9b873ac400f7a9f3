namespace ReportPipeline.Core.Ingestion;

/// <summary>What became of one uploaded blob.</summary>
public enum IngestionStatus
{
    /// <summary>Analysed, extracted and stored as the state's current report.</summary>
    Accepted,

    /// <summary>The same bytes were already processed for this blob or state: nothing changed.</summary>
    Unchanged,

    /// <summary>Refused for a permanent reason; the blob stays where it was uploaded.</summary>
    Rejected,
}

/// <summary>The result of ingesting one blob, as the CLI and logs report it.</summary>
public sealed record IngestionOutcome(
    UploadKey Upload,
    IngestionStatus Status,
    string? ReasonCode = null,
    string? Message = null,
    int Version = 0,
    QuestionSet Coverage = default);
