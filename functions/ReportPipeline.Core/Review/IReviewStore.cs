namespace ReportPipeline.Core.Review;

/// <summary>The analysts' decisions, append-only, one log per report (Azure Table Storage in production).</summary>
public interface IReviewStore
{
    /// <summary>The log of one report, empty (revision 0) when nobody has reviewed it.</summary>
    Task<ReviewLog> GetAsync(SubmissionKey key, string contentHash, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="decision"/> (whose <see cref="ReviewDecision.Revision"/> is <paramref name="expectedRevision"/> + 1) to the
    /// log when the log is still at <paramref name="expectedRevision"/>; else throws <see cref="ReviewConflictException"/> and stores nothing.
    /// </summary>
    Task<ReviewLog> AppendAsync(SubmissionKey key, string contentHash, int expectedRevision, ReviewDecision decision, CancellationToken cancellationToken);

    /// <summary>Every log of a period, of current and superseded reports alike.</summary>
    Task<IReadOnlyList<ReviewLog>> ListAsync(Period period, CancellationToken cancellationToken);

    /// <summary>Every log of one state's reports in a period (<paramref name="key"/>'s), current and superseded alike.</summary>
    Task<IReadOnlyList<ReviewLog>> ListAsync(SubmissionKey key, CancellationToken cancellationToken);
}
