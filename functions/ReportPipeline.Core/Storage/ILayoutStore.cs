using ReportPipeline.Core.Reports;

namespace ReportPipeline.Core.Storage;

/// <summary>
/// The analysed layout of each stored report, kept once per content hash: the paragraphs its extraction used, which its
/// review and the state's indications name, read back without analysing the report again. Create-only: the layout kept
/// first stays, so paragraph ids never move under a review.
/// </summary>
public interface ILayoutStore
{
    /// <summary>What is kept for the report whose bytes hash to <paramref name="contentHash"/>: its layout, nothing, or a blob this code cannot read.</summary>
    Task<KeptLayout> GetAsync(string contentHash, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps <paramref name="layout"/> for <paramref name="contentHash"/> unless something is kept for it already, which
    /// stays as it is, whatever it holds. Returns the layout to use now: the one kept first when it reads, otherwise
    /// <paramref name="layout"/>; null when <paramref name="layout"/> is larger than the store keeps.
    /// </summary>
    Task<LayoutDocument?> KeepAsync(string contentHash, LayoutDocument layout, CancellationToken cancellationToken);
}
