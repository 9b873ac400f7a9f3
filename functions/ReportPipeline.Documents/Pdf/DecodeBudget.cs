using ReportPipeline.Core;

namespace ReportPipeline.Documents.Pdf;

/// <summary>
/// The bytes one document's streams may decode to: each stream on its own (which bounds memory) and all of them together
/// (which bounds work, since a stream drawn on every page is decoded on every page). Once spent it stays spent, so a
/// refusal that the parser swallows is still seen after the page.
/// </summary>
internal sealed class DecodeBudget(long maxStreamBytes, long maxTotalBytes)
{
    private long _total;
    private ReportRejectedException? _refusal;

    public long MaxStreamBytes => maxStreamBytes;

    /// <summary>Counts a stream's decoded length before it is decoded, or throws <c>too-large</c>.</summary>
    public void Charge(long bytes)
    {
        if (_refusal is null && bytes > maxStreamBytes)
        {
            _refusal = TooLarge($"One of its streams inflates to more than {maxStreamBytes / (1024 * 1024)} MiB, the most accepted.");
        }
        else if (_refusal is null && (_total += bytes) > maxTotalBytes)
        {
            _refusal = TooLarge($"Its streams inflate to more than {maxTotalBytes / (1024 * 1024)} MiB together, the most accepted.");
        }

        ThrowIfSpent();
    }

    public void ThrowIfSpent()
    {
        if (_refusal is not null)
        {
            throw _refusal;
        }
    }

    private static ReportRejectedException TooLarge(string detail) => new(ReasonCodes.TooLarge, $"The PDF is too large to read. {detail}");
}
