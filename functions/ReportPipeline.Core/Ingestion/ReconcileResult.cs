namespace ReportPipeline.Core.Ingestion;

/// <summary>What a reconciliation found, and the outcome of each blob it ingested; the rest wait for the next run.</summary>
public sealed record ReconcileResult(int Found, IReadOnlyList<IngestionOutcome> Outcomes)
{
    public int Remaining => Found - Outcomes.Count;
}
