namespace ReportPipeline.Local;

/// <summary>
/// A run of <paramref name="Count"/> requests answered <paramref name="Status"/> (429 with <c>Retry-After</c>, or 503), from
/// the <paramref name="From"/>th request (counted from 0) on; with <paramref name="Every"/>, again in every so many requests.
/// </summary>
public sealed record FaultBurst(int From, int Count, int Status, int Every = 0)
{
    public bool Covers(long index)
    {
        var position = Every > 0 ? index % Every : index;
        return position >= From && position < From + Count;
    }
}
