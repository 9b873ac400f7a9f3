using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Languages;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Review;

/// <summary>
/// Finds words in the current passages of a period (or of every period): the reviewed passages where a review counts, the
/// machine's (less the rejected ones) elsewhere. Text is folded as the extractor folds it (lower case, accents and Arabic
/// diacritics removed, Arabic letter variants unified, full-width forms narrowed), then matched as a substring, which
/// also serves Chinese, written without spaces. A scan: at today's scale (193 states, four questions, a few passages
/// each, per period) a period is a few thousand rows.
/// </summary>
public sealed class PassageSearch(ISubmissionStore submissions, IReviewStore reviews, MemberStateRegistry states, ThemeCatalog themes)
{
    public const int MaxHits = 200;

    /// <summary>The longest passage text a hit carries; the review page shows the rest.</summary>
    public const int MaxHitText = 2000;

    public async Task<PassageSearchResult> SearchAsync(PassageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Text.Length > PassageQuery.MaxTextLength)
        {
            throw new ReviewRefusedException(ReasonCodes.QueryTooLong, $"Search for at most {PassageQuery.MaxTextLength} characters; this query has {query.Text.Length}.");
        }

        var needle = TextNormalizer.Normalize(query.Text).Trim();
        if (needle.Length == 0)
        {
            throw new ReviewRefusedException(ReasonCodes.EmptyQuery, "Give words to search for.");
        }

        IEnumerable<Period> periods = query.Period is { } one ? [one] : (await submissions.ListPeriodActivityAsync(cancellationToken)).Select(a => a.Period);
        var hits = new List<PassageHit>();
        var total = 0;
        var searched = 0;
        foreach (var period in periods.OrderByDescending(p => p.Value, StringComparer.Ordinal))
        {
            var current = await submissions.ListSubmissionsAsync(period, cancellationToken);
            var machine = (await submissions.ListCurrentAnswersAsync(period, current, cancellationToken)).ToLookup(a => a.State.Iso3, StringComparer.Ordinal);
            foreach (var r in ReviewedPeriod.Build(current, machine, await reviews.ListAsync(period, cancellationToken), themes))
            {
                var state = states.TryGet(r.Submission.Key.State.Iso3, out var s) ? s : r.Submission.Key.State;
                if (!Matches(query, state, r))
                {
                    continue;
                }

                var passages = r.Report.Counts ? r.Report.Accepted : r.Report.Passages.Where(p => p.Decision != PassageDecisions.Rejected);
                foreach (var p in passages.Where(p => query.Question is not { } q || p.Question == q))
                {
                    searched++;
                    if (!TextNormalizer.Normalize(p.Text).Contains(needle, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (++total <= MaxHits)
                    {
                        hits.Add(new PassageHit(period.Value, state.Iso3, state.Name, state.Region, p.Question, r.Submission.Language, p.Id,
                            p.Text.Length <= MaxHitText ? p.Text : p.Text[..MaxHitText] + "…", p.Page, p.Paragraph, p.Source, p.Decision, r.Status,
                            $"/staff/review?period={Uri.EscapeDataString(period.Value)}&state={state.Iso3}#{p.Id}"));
                    }
                }
            }
        }

        return new PassageSearchResult(hits, total, searched);
    }

    private static bool Matches(PassageQuery query, MemberState state, ReviewedState r) =>
        (query.Language is not { Length: > 0 } language || string.Equals(r.Submission.Language, language, StringComparison.OrdinalIgnoreCase))
        && (query.Status is not { Length: > 0 } status || string.Equals(r.Status, status, StringComparison.OrdinalIgnoreCase))
        && (query.Region is not { Length: > 0 } region || new[] { state.Region, state.Subregion, state.Area }.Any(x => string.Equals(x, region, StringComparison.OrdinalIgnoreCase)));
}
