using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Review;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Tests.Review;

/// <summary>The fold of a review's log over the machine's passages, the candidates offered, and the agreement measured from decisions.</summary>
public sealed class ReviewedReportTests
{
    private static readonly SubmissionKey s_key = new(Period.Parse("2031"), Keys.State("KEN"));
    private static readonly DateTimeOffset s_at = new(2031, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static StoredAnswer Machine(Question q, int paragraph, string text, int sequence = 0) =>
        new(s_key.State, q, sequence, text, 0.7, ExtractionMethods.Classifier, [new Provenance(1, paragraph)], []);

    private static ReviewDecision Decision(int revision, ReviewAction action, string passage = "", Question? question = null, string paragraph = "", string text = "",
        params string[] seen) => new(revision, action, passage, question, paragraph, text, "oid", "Ana", s_at.AddMinutes(revision), seen);

    private static ReviewedReport Build(IReadOnlyList<StoredAnswer> machine, params ReviewDecision[] decisions) =>
        ReviewedReport.Build(machine, new ReviewLog(s_key, "hash", decisions.Length, decisions), ThemeCatalog.Default);

    [Fact]
    public void Build_LaterDecisionOnAPassage_OverridesTheEarlierAndStatusFollowsTheLastDecision()
    {
        StoredAnswer[] machine = [Machine(Question.A, 1, "first"), Machine(Question.B, 2, "second")];

        var report = Build(machine, Decision(1, ReviewAction.Reject, "a-1.1"), Decision(2, ReviewAction.Accept, "a-1.1"), Decision(3, ReviewAction.Done, seen: ["a-1.1", "b-1.2"]),
            Decision(4, ReviewAction.Note, question: Question.A, text: "checked twice"));

        Assert.Equal([PassageDecisions.Accepted, PassageDecisions.Accepted], report.Passages.Select(p => p.Decision));
        Assert.Equal([true, false], report.Passages.Select(p => p.Decided));
        Assert.Equal(ReviewStatus.InReview, report.Status);
        Assert.True(report.Counts);
        Assert.Equal("checked twice", report.Notes[Question.A]);
    }

    [Fact]
    public void Build_PassageNoLongerExtracted_KeepsTheWordsTheDecisionKept()
    {
        var report = Build([], Decision(1, ReviewAction.Accept, "c-1.5", text: "kept words"), Decision(2, ReviewAction.Done));

        var kept = Assert.Single(report.Accepted);
        Assert.Equal(("c-1.5", Question.C, "kept words", 5), (kept.Id, kept.Question, kept.Text, kept.Paragraph));
    }

    [Fact]
    public void Build_MachinePassageNeverInView_IsNewAndNotConfirmedByDone()
    {
        StoredAnswer[] machine = [Machine(Question.A, 1, "seen"), Machine(Question.D, 3, "unseen")];

        var report = Build(machine, Decision(1, ReviewAction.Done, seen: ["a-1.1"]));

        Assert.Equal([(false, PassageDecisions.Accepted), (true, PassageDecisions.Pending)], report.Passages.Select(p => (p.New, p.Decision)));
        Assert.DoesNotContain(Build(machine).Passages, p => p.New);
    }

    [Fact]
    public void Measure_MovedAndAddedPassages_CountAgainstRecallRejectedAgainstPrecision()
    {
        StoredAnswer[] machine = [Machine(Question.A, 1, "a one"), Machine(Question.A, 2, "a two", 1), Machine(Question.B, 3, "b three")];
        var report = Build(machine, Decision(1, ReviewAction.Reject, "a-1.1"), Decision(2, ReviewAction.Move, "b-1.3", Question.A),
            Decision(3, ReviewAction.Add, question: Question.A, paragraph: "1.4", text: "added"), Decision(4, ReviewAction.Done, seen: ["a-1.1", "a-1.2", "b-1.3"]));
        var state = new ReviewedState(new SubmissionRecord(s_key, "hash", "2031/KEN/r.txt", "text", "en", 1, QuestionSet.Empty, [], s_at, s_at, "rules"), report,
            report.Status);

        var cells = ReviewAgreement.Measure([state]);

        var a = cells.Single(c => c.Question == Question.A);
        Assert.Equal((2, 1, 3), (a.MachineDecided, a.MachineAccepted, a.Accepted));
        Assert.Equal((0.5, 0.33), (a.Precision, a.Recall));
        var b = cells.Single(c => c.Question == Question.B);
        Assert.Equal((1, 0, 0, (double?)0, (double?)null), (b.MachineDecided, b.MachineAccepted, b.Accepted, b.Precision, b.Recall));
    }

    [Fact]
    public void Rank_TheRankersPassages_AsTheirParagraphsOnceEachForTheQuestionHeadingsLeftOut()
    {
        var document = new LayoutDocument(DocumentFormat.Text, "en", 1,
        [
            new LayoutParagraph(1, 1, ParagraphRole.Heading, "The Counter-Terrorism Committee should adapt its working methods"),
            new LayoutParagraph(1, 2, ParagraphRole.Body, "The weather was mild this year."),
            new LayoutParagraph(1, 3, ParagraphRole.Body, "The Committee should adapt its working methods. CTED should prioritise follow-up."),
        ], [], []);
        var ranker = new FixedRanker(
        [
            new RankedPassage(Question.B, "The weather was mild this year.", 1, 2, 0.9),
            new RankedPassage(Question.C, "The Counter-Terrorism Committee should adapt its working methods", 1, 1, 0.8),
            new RankedPassage(Question.C, "The Committee should adapt its working methods.", 1, 3, 0.7),
            new RankedPassage(Question.C, "CTED should prioritise follow-up.", 1, 3, 0.6),
        ]);

        var ranked = new RankedCandidates(ranker).Rank(document, Question.C, 5);

        var only = Assert.Single(ranked);
        Assert.Equal(("1.3", document.Paragraphs[2].Text, 0.7), (only.Id, only.Text, only.Score));
    }

    private sealed class FixedRanker(IReadOnlyList<RankedPassage> ranked) : IPassageRanker
    {
        public IReadOnlyList<RankedPassage> Rank(LayoutDocument document, int perQuestion) => ranked;
    }
}
