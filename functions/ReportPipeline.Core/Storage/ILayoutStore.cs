using ReportPipeline.Core.Reports;

namespace ReportPipeline.Core.Storage;

/// <summary>
/// The analysed layout of each stored report, kept once per content hash: the paragraphs its extraction used, which its
/// review and the state's indications name, read back without analysing the report again.
/// </summary>
public interface ILayoutStore
{
    /// <summary>The layout kept for the report whose bytes hash to <paramref name="contentHash"/>; null when none is, or one of another format version.</summary>
    Task<LayoutDocument?> GetAsync(string contentHash, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps <paramref name="layout"/> for <paramref name="contentHash"/> unless a readable layout of the current format version is
    /// already kept, which stays as it is. Returns the layout kept now (that one, or <paramref name="layout"/>); null when
    /// <paramref name="layout"/> is larger than the store keeps.
    /// </summary>
    Task<LayoutDocument?> KeepAsync(string contentHash, LayoutDocument layout, CancellationToken cancellationToken);
}
