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

    /// <summary>Being processed, or between the host's attempts; the reason code, if any, is what the last attempt met.</summary>
    Processing,

    /// <summary>Every attempt failed (the poison path, or a reprocess); the reason code says why, and <c>reprocess</c> tries again.</summary>
    Failed,

    /// <summary>The blob no longer exists: nothing was recorded.</summary>
    NotFound,
}
