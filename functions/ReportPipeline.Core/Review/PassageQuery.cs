namespace ReportPipeline.Core.Review;

/// <summary>
/// A search of what states said: words to find (case- and accent-insensitive), in one period or all of them, narrowed to a
/// question, a region (M49 region, sub-region or intermediate region), a report language or a review status.
/// </summary>
public sealed record PassageQuery(string Text, Period? Period = null, Question? Question = null, string? Region = null, string? Language = null, string? Status = null)
{
    public const int MaxTextLength = 200;
}
