namespace ReportPipeline.Core.Review;

/// <summary>Agreement between the machine and the analysts, per report language and question, from the stored decisions of reviewed reports. Pure.</summary>
public static class ReviewAgreement
{
    public static IReadOnlyList<AgreementCell> Measure(IEnumerable<ReviewedState> reviewed) =>
        [.. reviewed.Where(r => r.Report.Counts)
            .SelectMany(r => r.Report.Passages.Select(p => (Language: r.Submission.Language.Length > 0 ? r.Submission.Language : "und", Passage: p)))
            .GroupBy(x => (x.Language, x.Passage.Question))
            .Select(g => new AgreementCell(g.Key.Language, g.Key.Question,
                g.Count(x => x.Passage.Found && x.Passage.Decision != PassageDecisions.Pending),
                g.Count(x => x.Passage.Found && x.Passage.Decision == PassageDecisions.Accepted),
                g.Count(x => x.Passage.Decision == PassageDecisions.Accepted)))
            .OrderBy(c => c.Language, StringComparer.Ordinal).ThenBy(c => c.Question)];
}
