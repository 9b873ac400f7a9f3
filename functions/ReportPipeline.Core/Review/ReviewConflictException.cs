namespace ReportPipeline.Core.Review;

/// <summary>Another analyst saved a decision on the same report first; nothing of this save was stored.</summary>
public sealed class ReviewConflictException(SubmissionKey key, int expectedRevision, int storedRevision)
    : Exception($"Another analyst saved a decision on {key.State.Iso3} {key.Period} first (revision {storedRevision}, yours was made on {expectedRevision}). "
        + "Your decision was not saved: reload the report, check theirs and decide again.")
{
    public const string ReasonCode = ReasonCodes.ReviewConflict;

    public int StoredRevision { get; } = storedRevision;
}
