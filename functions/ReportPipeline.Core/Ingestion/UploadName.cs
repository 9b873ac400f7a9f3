namespace ReportPipeline.Core.Ingestion;

/// <summary>An uploaded blob's name as read once where it enters: its ledger key, and its path or the reason it has none.</summary>
public sealed record UploadName(UploadKey Key, ReportPath? Path, ReportRejectedException? Problem);
