namespace ReportPipeline.Core.Storage;

/// <summary>The uploaded reports themselves: their names under a prefix, and each one's bytes with the time it was uploaded.</summary>
public interface IReportStore
{
    /// <summary>Names of the stored reports that start with <paramref name="prefix"/> (<c>""</c>, <c>2026-H1/</c>, <c>2026-H1/FRA/</c>).</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>The report's content, or null when no blob has that name.</summary>
    Task<StoredReport?> OpenAsync(string blobName, CancellationToken cancellationToken);
}
