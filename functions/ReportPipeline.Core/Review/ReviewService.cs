using Microsoft.Extensions.Logging;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Staff;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Review;

/// <summary>
/// The review of states' current reports: shows one with its paragraphs, passages and candidates, records an analyst's
/// decision on the revision it was made on, and lists a period's reports with their review status.
/// </summary>
public sealed class ReviewService(
    ISubmissionStore submissions,
    IReviewStore reviews,
    ReportLayouts layouts,
    IPassageCandidates candidates,
    MemberStateRegistry states,
    ThemeCatalog themes,
    TimeProvider time,
    ILogger<ReviewService> logger)
{
    /// <summary>How many candidates a question with no accepted passage is offered.</summary>
    public const int CandidateCount = 5;

    /// <summary>The longest note an analyst keeps on a question.</summary>
    public const int MaxNoteLength = 4000;

    public async Task<ReviewSheet> ShowAsync(SubmissionKey key, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(key, NothingToReview(key), cancellationToken);
        return await SheetAsync(loaded, loaded.Report, cancellationToken);
    }

    /// <summary>
    /// Records <paramref name="request"/> by <paramref name="by"/> on <paramref name="expectedRevision"/> (the revision the analyst
    /// saw; null takes the stored one) and returns the report as it now stands. Throws <see cref="ReviewConflictException"/> when
    /// another decision came first and <see cref="ReviewRefusedException"/> when the request names nothing the report holds.
    /// </summary>
    public async Task<ReviewSheet> DecideAsync(SubmissionKey key, ReviewRequest request, StaffPrincipal by, int? expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(by);
        var loaded = await LoadAsync(key, NothingToReview(key), cancellationToken);
        var revision = expectedRevision ?? loaded.Report.Log.Revision;
        var decision = Decision(loaded, request, by, revision + 1);
        ReviewLog log;
        try
        {
            log = await reviews.AppendAsync(key, loaded.Submission.ContentHash, revision, decision, cancellationToken);
        }
        catch (ReviewConflictException e)
        {
            logger.ReviewConflict(key.State.Iso3, key.Period.Value, by.Name, by.Id, request.Action, e.StoredRevision);
            throw;
        }

        logger.ReviewDecided(key.State.Iso3, key.Period.Value, by.Name, by.Id, request.Action, decision.Passage.Length > 0 ? decision.Passage : request.Question?.ToString() ?? "", decision.Revision);
        return await SheetAsync(loaded, ReviewedReport.Build(loaded.Answers, log, themes), cancellationToken);
    }

    /// <summary>Every state with a current report for the period, with its review status, by state code.</summary>
    public async Task<IReadOnlyList<ReviewSummary>> ListAsync(Period period, CancellationToken cancellationToken)
    {
        var (reviewed, answers) = await PeriodAsync(period, cancellationToken);
        return [.. reviewed.Select(r =>
        {
            var state = states.TryGet(r.Submission.Key.State.Iso3, out var s) ? s : r.Submission.Key.State;
            var answered = QuestionSet.Of(r.Report.Counts ? r.Report.Accepted.Select(p => p.Question) : answers[state.Iso3].Select(a => a.Question));
            var done = r.Report.Log.LastDone;
            return new ReviewSummary(state.Iso3, state.Name, state.Region, r.Submission.Language, r.Submission.Version, r.Status, answered,
                r.Report.Log.Decisions.Count, r.Report.Indications.Count(i => i.Decision == PassageDecisions.Pending), done?.ByName, done?.At);
        }).OrderBy(s => s.State, StringComparer.Ordinal)];
    }

    /// <summary>Agreement of the machine with the analysts over the period's reviewed reports, per language and question.</summary>
    public async Task<IReadOnlyList<AgreementCell>> AgreementAsync(Period period, CancellationToken cancellationToken) =>
        ReviewAgreement.Measure((await PeriodAsync(period, cancellationToken)).Reviewed);

    /// <summary>
    /// The period's reviewed reports (marked done) as a labelled set: per question <c>Y</c> with its accepted passages as quotes
    /// (each a passage the text holds verbatim, else the paragraphs it came from), <c>N</c> where the analyst accepted none.
    /// </summary>
    public async Task<IReadOnlyList<LabelledReport>> ExportAsync(Period period, CancellationToken cancellationToken)
    {
        var labelled = new List<LabelledReport>();
        foreach (var r in (await PeriodAsync(period, cancellationToken)).Reviewed.Where(r => r.Report.Counts).OrderBy(r => r.Submission.Key.State.Iso3, StringComparer.Ordinal))
        {
            var document = await ReadAsync(r.Submission, cancellationToken);
            var paragraphs = document.ContentParagraphs.ToList();
            var body = string.Join("\n\n", paragraphs.Select(p => p.Text));
            var labels = Question.All.ToDictionary(q => q, q =>
            {
                var quotes = r.Report.Accepted.Where(p => p.Question == q)
                    .SelectMany(p => body.Contains(p.Text, StringComparison.Ordinal) ? [p.Text]
                        : p.Provenance.Select(at => paragraphs.FirstOrDefault(x => x.Page == at.Page && x.Index == at.Paragraph)?.Text).OfType<string>())
                    .Distinct(StringComparer.Ordinal).ToList();
                return new LabelledAnswer(quotes.Count > 0 ? "Y" : "N", quotes);
            });
            var key = r.Submission.Key;
            var language = r.Submission.Language.Length > 0 ? r.Submission.Language : "und";
            var done = r.Report.Log.LastDone!;
            labelled.Add(new LabelledReport($"{labelled.Count + 1:00}-{key.State.Iso3}-{language}", language,
                [$"SOURCE: {r.Submission.BlobName} (version {r.Submission.Version}, content {r.Submission.ContentHash[..16]})",
                    $"TITLE: Report of {key.State.Name} for {key.Period}", $"LANG: {language}", "TYPE: report", $"EVENT: reporting period {key.Period}",
                    $"SPEAKER: {key.State.Name}; reviewed by {done.ByName} on {done.At:yyyy-MM-dd}"],
                body, labels));
        }

        return labelled;
    }

    private async Task<(IReadOnlyList<ReviewedState> Reviewed, ILookup<string, StoredAnswer> Answers)> PeriodAsync(Period period, CancellationToken cancellationToken)
    {
        var current = await submissions.ListSubmissionsAsync(period, cancellationToken);
        var answers = (await submissions.ListCurrentAnswersAsync(period, current, cancellationToken)).ToLookup(a => a.State.Iso3, StringComparer.Ordinal);
        return (ReviewedPeriod.Build(current, answers, await reviews.ListAsync(period, cancellationToken), themes), answers);
    }

    /// <summary>The state's current report with its review; <paramref name="noReport"/> is the refusal's words when there is none.</summary>
    internal async Task<LoadedReport> LoadAsync(SubmissionKey key, string noReport, CancellationToken cancellationToken)
    {
        var submission = await submissions.GetSubmissionAsync(key, cancellationToken)
            ?? throw new ReviewRefusedException(ReasonCodes.NoReport, noReport);
        var answers = await submissions.ListAnswersAsync(submission, cancellationToken);
        var log = await reviews.GetAsync(key, submission.ContentHash, cancellationToken);
        return new LoadedReport(submission, answers, ReviewedReport.Build(answers, log, themes), await ReadAsync(submission, cancellationToken));
    }

    private static string NothingToReview(SubmissionKey key) => $"{key.State.Iso3} has no report for {key.Period}, so there is nothing to review.";

    private async Task<ReviewSheet> SheetAsync(LoadedReport loaded, ReviewedReport report, CancellationToken cancellationToken)
    {
        var document = loaded.Document;
        var key = loaded.Submission.Key;
        var status = report.Status == ReviewStatus.Machine && await IsStaleAsync(key, loaded.Submission.ContentHash, cancellationToken) ? ReviewStatus.Stale : report.Status;
        var done = report.Log.LastDone;
        var questions = Question.All.ToDictionary(q => q.ToString(), q =>
        {
            var passages = report.Passages.Where(p => p.Question == q).ToList();
            var placed = passages.SelectMany(p => p.Provenance).Select(at => PassageIds.Paragraph(at.Page, at.Paragraph)).ToHashSet(StringComparer.Ordinal);
            var offered = passages.Any(p => p.Decision == PassageDecisions.Accepted) ? []
                : candidates.Rank(document, q, CandidateCount + placed.Count).Where(c => !placed.Contains(c.Id)).Take(CandidateCount).ToList();
            return new ReviewQuestion(passages, offered, report.Notes.GetValueOrDefault(q));
        }, StringComparer.Ordinal);
        return new ReviewSheet(key.State.Iso3, key.State.Name, key.Period.Value, loaded.Submission.Language, loaded.Submission.Version, loaded.Submission.ContentHash,
            status, report.Log.Revision, done?.ByName, done?.At, Paragraphs(document), questions, report.Indications);
    }

    /// <summary>Whether an earlier report of the state was reviewed: its review is stale now that another report is current.</summary>
    private async Task<bool> IsStaleAsync(SubmissionKey key, string contentHash, CancellationToken cancellationToken) =>
        (await reviews.ListAsync(key, cancellationToken)).Any(l => l.ContentHash != contentHash && l.LastDone is not null);

    /// <summary>The paragraphs a review shows and an analyst can add: the content paragraphs of the stored report.</summary>
    public static IReadOnlyList<ReviewParagraph> Paragraphs(LayoutDocument document) =>
        [.. document.ContentParagraphs.Select(p => new ReviewParagraph(PassageIds.Paragraph(p.Page, p.Index), p.Page, p.Index, p.Text))];

    /// <summary>The report's layout as kept at ingest: the paragraphs its extraction used (<see cref="ReportLayouts"/>).</summary>
    public async Task<LayoutDocument> ReadAsync(SubmissionRecord submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        try
        {
            return await layouts.ReadAsync(submission, cancellationToken)
                ?? throw new ReviewRefusedException(ReasonCodes.ReportMissing, $"The stored report {submission.BlobName} is no longer there; it cannot be shown.");
        }
        catch (ReportRejectedException e)
        {
            throw new ReviewRefusedException(e.ReasonCode, $"The stored report {submission.BlobName} cannot be shown: {e.Message}");
        }
    }

    private ReviewDecision Decision(LoadedReport loaded, ReviewRequest request, StaffPrincipal by, int revision)
    {
        var report = loaded.Report;
        IReadOnlyList<string> seen = [.. report.Passages.Where(p => p.Source == PassageSources.Machine && p.Found).Select(p => p.Id)];
        ReviewDecision Make(string passage, Question? question, string paragraph, string text) =>
            new(revision, request.Action, passage, question, paragraph, Bounded(text), by.Id, by.Name, time.GetUtcNow(), seen);
        switch (request.Action)
        {
            case ReviewAction.Accept or ReviewAction.Reject or ReviewAction.Move or ReviewAction.Copy:
                var passage = report.Passages.FirstOrDefault(p => p.Id == request.Passage)
                    ?? throw new ReviewRefusedException(ReasonCodes.UnknownPassage, $"The report of {loaded.Submission.Key.State.Iso3} has no passage '{request.Passage}'; see `review show` for the passages it has.");
                if (request.Action is ReviewAction.Move or ReviewAction.Copy)
                {
                    var target = request.Question ?? throw new ReviewRefusedException(ReasonCodes.QuestionRequired, "Say which question the passage goes to (a, b, c or d).");
                    if (target == passage.Question)
                    {
                        throw new ReviewRefusedException(ReasonCodes.SameQuestion, $"Passage {passage.Id} is already under question ({target}).");
                    }

                    return Make(passage.Id, target, "", passage.Text);
                }

                return Make(passage.Id, null, "", passage.Text);
            case ReviewAction.Add:
                var question = request.Question ?? throw new ReviewRefusedException(ReasonCodes.QuestionRequired, "Say which question the paragraph answers (a, b, c or d).");
                if (!PassageIds.TryParseParagraph(request.Paragraph, out var page, out var number))
                {
                    throw new ReviewRefusedException(ReasonCodes.UnknownParagraph, $"'{request.Paragraph}' is not a paragraph id; they read page.paragraph, e.g. 1.3.");
                }

                var paragraph = loaded.Paragraph(page, number);
                return paragraph is null
                    ? throw new ReviewRefusedException(ReasonCodes.UnknownParagraph, $"The report of {loaded.Submission.Key.State.Iso3} has no paragraph {request.Paragraph}.")
                    : Make(PassageIds.Passage(question, page, number), question, request.Paragraph!, paragraph.Text);
            case ReviewAction.Point or ReviewAction.Withdraw:
                throw new ReviewRefusedException(ReasonCodes.BadDecision, "Pointing to a paragraph and withdrawing a passage are the state's, through the portal; an analyst adds or rejects.");
            case ReviewAction.Note:
                var noted = request.Question ?? throw new ReviewRefusedException(ReasonCodes.QuestionRequired, "Say which question the note is on (a, b, c or d).");
                var note = request.Note ?? "";
                return note.Length > MaxNoteLength
                    ? throw new ReviewRefusedException(ReasonCodes.NoteTooLong, $"A note holds at most {MaxNoteLength} characters; this one has {note.Length}.")
                    : Make("", noted, "", note);
            default:
                return Make("", null, "", "");
        }
    }

    internal static string Bounded(string text)
    {
        if (text.Length <= ReviewDecision.MaxTextLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[ReviewDecision.MaxTextLength - 1]) ? ReviewDecision.MaxTextLength - 1 : ReviewDecision.MaxTextLength;
        return text[..cut];
    }
}
