namespace ReportPipeline.Core.Ingestion;

/// <summary>
/// The ledger's key of an upload: its blob name, filed under the period and state the name gives. A name that is
/// refused is filed too, under what can be read of it: no period when it names none, its second part as the state.
/// </summary>
public sealed record UploadKey(Period? Period, string State, string BlobName)
{
    /// <summary>What logs, metrics and the ledger call the period of a name that gives none.</summary>
    public const string Unfiled = "unfiled";

    public string PeriodName => Period?.Value ?? Unfiled;
}
