namespace ReportPipeline.Core.Ingestion;

/// <summary>
/// Which stored blobs of a period to ingest again: all of them (optionally one state's, or one blob), or only those with
/// no outcome recorded (<see cref="Missing"/>) or whose current report another extractor produced (<see cref="Stale"/>).
/// </summary>
public sealed record ReprocessRequest(Period Period, string? State = null, string? BlobName = null, bool Stale = false, bool Missing = false);
