namespace ReportPipeline.Core.Review;

/// <summary>Where a state's current report stands in review, as the desk, the CLI and the API write it.</summary>
public static class ReviewStatus
{
    /// <summary>Nobody has decided anything on the current report.</summary>
    public const string Machine = "machine";

    /// <summary>Decisions were taken and the review is not (or no longer) marked done.</summary>
    public const string InReview = "in review";

    /// <summary>Marked done, with nothing decided since.</summary>
    public const string Reviewed = "reviewed";

    /// <summary>An earlier report of the state was reviewed, but a newer upload is now current and has no review.</summary>
    public const string Stale = "stale";

    public static IReadOnlyList<string> All { get; } = [Machine, InReview, Reviewed, Stale];
}
