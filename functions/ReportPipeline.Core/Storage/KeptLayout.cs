using ReportPipeline.Core.Reports;

namespace ReportPipeline.Core.Storage;

/// <summary>
/// What the layout store holds for one content hash: a layout it reads, nothing, or a blob it cannot read
/// (<see cref="Problem"/> says why: not a layout, a format version this code does not read, another hash, too large).
/// </summary>
public sealed record KeptLayout(LayoutDocument? Layout, string? Problem)
{
    /// <summary>No layout is kept for the hash.</summary>
    public static KeptLayout None { get; } = new(null, null);

    public static KeptLayout Of(LayoutDocument layout) => new(layout, null);

    public static KeptLayout Unreadable(string problem) => new(null, problem);
}
