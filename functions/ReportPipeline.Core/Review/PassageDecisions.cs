namespace ReportPipeline.Core.Review;

/// <summary>Where a passage stands: not decided yet, counted as an answer, or not.</summary>
public static class PassageDecisions
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
}
