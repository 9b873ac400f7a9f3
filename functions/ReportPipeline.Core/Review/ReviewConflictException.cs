namespace ReportPipeline.Core.Review;

/// <summary>
/// Someone saved on the same report first, an analyst or the state's focal point; nothing of this save was stored. The message
/// names who, from the log's rows after the revision this save was made on.
/// </summary>
public sealed class ReviewConflictException(ReviewLog stored, int expectedRevision, ReviewDecision yours)
    : Exception(Describe(stored, expectedRevision, yours))
{
    public const string ReasonCode = ReasonCodes.ReviewConflict;

    public int StoredRevision { get; } = stored.Revision;

    /// <summary>The rows stored after the revision this save was made on, oldest first: the first of them came first.</summary>
    public IReadOnlyList<ReviewDecision> SavedFirst { get; } = After(stored, expectedRevision);

    /// <summary>Whether what came first was the state's own indication (another window, or another key of the state), not an analyst's decision.</summary>
    public bool StateSavedFirst => SavedFirst.Count > 0 && ReviewedReport.IsState(SavedFirst[0].Action);

    private static List<ReviewDecision> After(ReviewLog stored, int expectedRevision)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return [.. stored.Decisions.Where(d => d.Revision > expectedRevision)];
    }

    private static string Describe(ReviewLog stored, int expectedRevision, ReviewDecision yours)
    {
        ArgumentNullException.ThrowIfNull(yours);
        var key = stored.Key;
        var state = ReviewedReport.IsState(yours.Action);
        var notSaved = state
            ? "Your indication was not saved: reload the report, check what changed and send it again."
            : "Your decision was not saved: reload the report, check what changed and decide again.";
        var first = After(stored, expectedRevision);
        if (first.Count == 0)
        {
            return $"The report of {key.State.Iso3} {key.Period} is at revision {stored.Revision}, not {expectedRevision}. {notSaved}";
        }

        string Who(ReviewDecision d) => ReviewedReport.IsState(d.Action) ? $"the focal point of {key.State.Iso3}"
            : string.IsNullOrWhiteSpace(d.ByName) ? "another analyst" : d.ByName;
        var names = first.Select(Who).Distinct(StringComparer.Ordinal).ToList();
        var who = names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
        var what = first.Count > 1 ? $"{first.Count} changes" : ReviewedReport.IsState(first[0].Action) ? "an indication" : "a decision";
        // Our own words start the sentence with a capital; an analyst's name stays as the analyst writes it.
        var named = !ReviewedReport.IsState(first[0].Action) && !string.IsNullOrWhiteSpace(first[0].ByName);
        return $"{(named ? who : char.ToUpperInvariant(who[0]) + who[1..])} saved {what} on {key.State.Iso3} {key.Period} first "
            + $"(revision {stored.Revision}, yours was made on {expectedRevision}). {notSaved}";
    }
}
