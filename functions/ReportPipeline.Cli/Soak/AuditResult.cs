using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Cli.Soak;

/// <summary>
/// What the storage says after a soak, read from the blobs and tables alone: the blobs, each one's final status in the ledger,
/// the problems found (<see cref="Lost"/>, <see cref="Duplicated"/>, <see cref="NotLatest"/>, one line each), and how
/// many stored versions had their answers checked against a new extraction of their bytes.
/// </summary>
internal sealed record AuditResult(
    IReadOnlySet<string> Blobs,
    IReadOnlyDictionary<string, IngestionStatus> Final,
    IReadOnlyDictionary<string, int> Rejections,
    IReadOnlyList<string> Lost,
    IReadOnlyList<string> Duplicated,
    IReadOnlyList<string> NotLatest,
    int Versions)
{
    public int Count(IngestionStatus status) => Final.Values.Count(s => s == status);
}
