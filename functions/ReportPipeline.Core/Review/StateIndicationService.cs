using Microsoft.Extensions.Logging;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Core.Review;

/// <summary>
/// The state's side of the review: its current report as the portal shows it, and its indications (a paragraph that answers a
/// question, a machine passage it disagrees with), appended to the report's review log on the revision the focal point saw,
/// under the same optimistic concurrency as an analyst's decision. A key reaches only its own state's current report.
/// </summary>
public sealed class StateIndicationService(
    IReviewStore reviews,
    ReviewService review,
    ThemeCatalog themes,
    TimeProvider time,
    ILogger<StateIndicationService> logger)
{
    /// <summary>The most indications one report holds: enough to point to every answer a report gives, too few to flood an analyst's page.</summary>
    public const int MaxIndications = 40;

    /// <summary>The words a 409 tells a state when an analyst saved first; a state is told of CTED, never of an analyst by name.</summary>
    public const string ConflictMessage = "CTED recorded something on your report at the same moment, so your indication was not saved. "
        + "Look at the report again and send it again.";

    /// <summary>The words a 409 tells a state when its own indication came first: from another window, or with another key of the state.</summary>
    public const string OwnConflictMessage = "Another indication of your state was saved on this report at the same moment, from another window or "
        + "with another upload key, so this one was not saved. Look at the report again and send it again if it is still needed.";

    /// <summary>The reason code and words of a 409 to a state, naming who saved first: CTED, or the state itself.</summary>
    public static (string Code, string Message) Conflict(ReviewConflictException conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return conflict.StateSavedFirst ? (ReasonCodes.IndicationConflict, OwnConflictMessage) : (ReasonCodes.ReviewConflict, ConflictMessage);
    }

    public async Task<StateReportSheet> ShowAsync(SubmissionKey key, CancellationToken cancellationToken)
    {
        var loaded = await review.LoadAsync(key, NoCurrentReport(key), cancellationToken);
        return Sheet(loaded, loaded.Report);
    }

    /// <summary>
    /// Records <paramref name="request"/> sent with the upload key <paramref name="keyId"/> of <paramref name="key"/>'s state and returns the
    /// report as it now stands. Throws <see cref="ReviewRefusedException"/> when the request names another version than the current
    /// one, a paragraph or passage the report does not hold, one already indicated, or one too many; <see cref="ReviewConflictException"/>
    /// when another row was stored since the revision it was made on.
    /// </summary>
    public async Task<StateReportSheet> IndicateAsync(SubmissionKey key, string keyId, StateIndicationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(request);
        var loaded = await review.LoadAsync(key, NoCurrentReport(key), cancellationToken);
        if (request.Version != loaded.Submission.Version)
        {
            throw new ReviewRefusedException(ReasonCodes.ReportNotCurrent,
                $"Version {request.Version} is not the current report of {key.State.Iso3} for {key.Period}; version {loaded.Submission.Version} is. Indicate within the current report.");
        }

        if (loaded.Report.Indications.Count >= MaxIndications)
        {
            throw new ReviewRefusedException(ReasonCodes.TooManyIndications,
                $"The report of {key.State.Iso3} for {key.Period} holds {MaxIndications} indications, as many as one report may; CTED will read them.");
        }

        var revision = request.Revision ?? loaded.Report.Log.Revision;
        var decision = Decision(loaded, request, keyId, revision + 1);
        ReviewLog log;
        try
        {
            log = await reviews.AppendAsync(key, loaded.Submission.ContentHash, revision, decision, cancellationToken);
        }
        catch (ReviewConflictException e)
        {
            logger.StateIndicationConflict(key.State.Iso3, key.Period.Value, keyId, request.Action, e.StoredRevision);
            throw;
        }

        logger.StateIndicated(key.State.Iso3, key.Period.Value, keyId, request.Action, decision.Passage, decision.Revision);
        return Sheet(loaded, ReviewedReport.Build(loaded.Answers, log, themes));
    }

    private ReviewDecision Decision(LoadedReport loaded, StateIndicationRequest request, string keyId, int revision)
    {
        var report = loaded.Report;
        var iso3 = loaded.Submission.Key.State.Iso3;
        ReviewDecision Make(string passage, Question? question, string paragraph, string text) =>
            new(revision, request.Action, passage, question, paragraph, ReviewService.Bounded(text), keyId, $"focal point of {iso3}", time.GetUtcNow(), []);
        switch (request.Action)
        {
            case ReviewAction.Point:
                var question = request.Question ?? throw new ReviewRefusedException(ReasonCodes.BadQuestion, "Say which question the paragraph answers (a, b, c or d).");
                var paragraph = PassageIds.TryParseParagraph(request.Paragraph, out var page, out var number)
                    ? loaded.Paragraph(page, number)
                    : null;
                if (paragraph is null)
                {
                    throw new ReviewRefusedException(ReasonCodes.UnknownParagraph, $"The current report of {iso3} has no paragraph '{Shown(request.Paragraph)}'.");
                }

                var id = PassageIds.Passage(question, page, number);
                if (report.Passages.Any(p => p.Id == id && p.Decision != PassageDecisions.Rejected)
                    || report.Indications.Any(i => i.Passage == id && i.Kind == IndicationKinds.Point))
                {
                    throw new ReviewRefusedException(ReasonCodes.AlreadyIndicated, $"Paragraph {request.Paragraph} is already under question ({question}).");
                }

                return Make(id, question, request.Paragraph!, paragraph.Text);
            case ReviewAction.Withdraw:
                var passage = report.Passages.FirstOrDefault(p => p.Id == request.Passage && p.Source == PassageSources.Machine)
                    ?? throw new ReviewRefusedException(ReasonCodes.UnknownPassage, $"The current report of {iso3} has no passage '{Shown(request.Passage)}' found by the extractor.");
                if (passage.Decision == PassageDecisions.Rejected || report.Indications.Any(i => i.Passage == passage.Id && i.Kind == IndicationKinds.Withdraw))
                {
                    throw new ReviewRefusedException(ReasonCodes.AlreadyIndicated, $"Passage {passage.Id} is already withdrawn or set aside.");
                }

                return Make(passage.Id, passage.Question, "", passage.Text);
            default:
                throw new ReviewRefusedException(ReasonCodes.BadRequest, "A state points to a paragraph (point) or withdraws a passage (withdraw).");
        }
    }

    /// <summary>A caller's id, cut and cleaned before it is echoed in a message.</summary>
    private static string Shown(string? id) => new([.. (id ?? "").Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-').Take(16)]);

    private static StateReportSheet Sheet(LoadedReport loaded, ReviewedReport report)
    {
        var key = loaded.Submission.Key;
        return new StateReportSheet(key.State.Iso3, key.State.Name, key.Period.Value, loaded.Submission.Version, report.Log.Revision, MaxIndications,
            ReviewService.Paragraphs(loaded.Document),
            [.. report.Passages.Where(p => p.Source == PassageSources.Machine && p.Found).Select(p => new StatePassage(p.Id, p.Question, p.Text, p.Page, p.Paragraph))],
            [.. report.Indications.Select(i => i with { DecidedBy = null })]);
    }

    private static string NoCurrentReport(SubmissionKey key) => $"{key.State.Iso3} has no current report for {key.Period}; send one first.";
}
