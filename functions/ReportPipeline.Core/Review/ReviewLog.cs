namespace ReportPipeline.Core.Review;

/// <summary>
/// The decisions taken on one report (a state's submission for a period, by content hash), oldest first.
/// <see cref="Revision"/> counts them: a save names the revision it was made on and fails when another came first.
/// </summary>
public sealed record ReviewLog(SubmissionKey Key, string ContentHash, int Revision, IReadOnlyList<ReviewDecision> Decisions)
{
    public static ReviewLog Empty(SubmissionKey key, string contentHash) => new(key, contentHash, 0, []);

    /// <summary>The last time the review was marked done, or null while it never was.</summary>
    public ReviewDecision? LastDone => Decisions.LastOrDefault(d => d.Action == ReviewAction.Done);
}
