using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Review;

/// <summary>A period's current reports with their reviews applied: what the survey, search, agreement and export read. Pure.</summary>
public static class ReviewedPeriod
{
    /// <summary>The method of a machine passage the review kept; an analyst's or a state's passage carries its source instead.</summary>
    public const string ReviewedMethod = "reviewed";

    public static IReadOnlyList<ReviewedState> Build(
        IReadOnlyList<SubmissionRecord> current, ILookup<string, StoredAnswer> answers, IReadOnlyList<ReviewLog> logs, ThemeCatalog themes)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(logs);
        var byReport = logs.ToDictionary(l => (l.Key.State.Iso3, l.ContentHash));
        var reviewedBefore = logs.Where(l => l.LastDone is not null).Select(l => l.Key.State.Iso3).ToHashSet(StringComparer.Ordinal);
        return [.. current.Select(s =>
        {
            var iso3 = s.Key.State.Iso3;
            var log = byReport.GetValueOrDefault((iso3, s.ContentHash)) ?? ReviewLog.Empty(s.Key, s.ContentHash);
            var report = ReviewedReport.Build([.. answers[iso3]], log, themes);
            var stale = report.Status == ReviewStatus.Machine && logs.Any(l => l.Key.State.Iso3 == iso3 && l.ContentHash != s.ContentHash && l.LastDone is not null);
            return new ReviewedState(s, report, stale ? ReviewStatus.Stale : report.Status);
        })];
    }

    /// <summary>
    /// The answers the survey counts: a report's accepted passages where its review was marked done (an analyst's own decision
    /// at full confidence, so it leads its question), the machine's answers elsewhere; in both, the state's indications as
    /// <paramref name="counting"/> says (<see cref="ReviewedReport.Counted"/>).
    /// </summary>
    public static IReadOnlyList<StoredAnswer> Answers(IReadOnlyList<ReviewedState> reviewed, ILookup<string, StoredAnswer> machine, StateIndicationCounting counting)
    {
        ArgumentNullException.ThrowIfNull(reviewed);
        ArgumentNullException.ThrowIfNull(machine);
        return [.. reviewed.SelectMany(r =>
        {
            if (r.Report.Counts)
            {
                return r.Report.Counted(counting).Select((p, i) => Answer(r, p, i));
            }

            var withdrawn = r.Report.InEffect(IndicationKinds.Withdraw, counting);
            var pointed = r.Report.InEffect(IndicationKinds.Point, counting);
            var kept = machine[r.Submission.Key.State.Iso3].Where(a => !withdrawn.Contains(ReviewedReport.MachineId(a))).ToList();
            return kept.Concat(r.Report.Passages.Where(p => p.Source == PassageSources.State && pointed.Contains(p.Id)).Select((p, i) => Answer(r, p, kept.Count + i)));
        })];
    }

    /// <summary>
    /// The current submissions as the survey reads them: where the state's indications in effect change the machine's answers of a
    /// report not reviewed, its coverage is the questions <paramref name="answers"/> now answer (a reviewed report's is taken from its answers anyway).
    /// </summary>
    public static IReadOnlyList<SubmissionRecord> Submissions(IReadOnlyList<ReviewedState> reviewed, IReadOnlyList<StoredAnswer> answers, StateIndicationCounting counting)
    {
        ArgumentNullException.ThrowIfNull(reviewed);
        ArgumentNullException.ThrowIfNull(answers);
        var answered = answers.ToLookup(a => a.State.Iso3, StringComparer.Ordinal);
        return [.. reviewed.Select(r => !r.Report.Counts && (r.Report.InEffect(IndicationKinds.Point, counting).Count > 0 || r.Report.InEffect(IndicationKinds.Withdraw, counting).Count > 0)
            ? r.Submission with { Coverage = QuestionSet.Of(answered[r.Submission.Key.State.Iso3].Select(a => a.Question)) }
            : r.Submission)];
    }

    private static StoredAnswer Answer(ReviewedState r, ReviewedPassage p, int sequence) =>
        new(r.Submission.Key.State, p.Question, sequence, p.Text, p.Decided ? 1.0 : p.Confidence, p.Source == PassageSources.Machine ? ReviewedMethod : p.Source, p.Provenance, p.Themes);
}
