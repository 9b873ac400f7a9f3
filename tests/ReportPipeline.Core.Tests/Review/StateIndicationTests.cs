using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Review;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Tests.Review;

/// <summary>The state's indications in the fold of a review's log: pending until an analyst decides the passage, and what the survey counts.</summary>
public sealed class StateIndicationTests
{
    private static readonly SubmissionKey s_key = new(Period.Parse("2031"), Keys.State("KEN"));
    private static readonly DateTimeOffset s_at = new(2031, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly StoredAnswer[] s_machine =
    [
        new(s_key.State, Question.A, 0, "machine a", 0.7, ExtractionMethods.Classifier, [new Provenance(1, 1)], []),
        new(s_key.State, Question.B, 0, "machine b", 0.7, ExtractionMethods.Classifier, [new Provenance(1, 2)], []),
    ];

    private static ReviewDecision Analyst(int revision, ReviewAction action, string passage = "", params string[] seen) =>
        new(revision, action, passage, null, "", "", "oid", "Ana", s_at.AddMinutes(revision), seen);

    private static ReviewDecision Point(int revision, Question question, string paragraph, string text) =>
        new(revision, ReviewAction.Point, PassageIds.Passage(question, 1, int.Parse(paragraph[2..], System.Globalization.CultureInfo.InvariantCulture)), question, paragraph, text,
            "0123456789abcdef", "focal point of KEN", s_at.AddMinutes(revision), []);

    private static ReviewDecision Withdraw(int revision, string passage) =>
        new(revision, ReviewAction.Withdraw, passage, null, "", "machine", "0123456789abcdef", "focal point of KEN", s_at.AddMinutes(revision), []);

    private static ReviewedReport Build(params ReviewDecision[] decisions) =>
        ReviewedReport.Build(s_machine, new ReviewLog(s_key, "hash", decisions.Length, decisions), ThemeCatalog.Default);

    private static ReviewedState State(ReviewedReport report) =>
        new(new SubmissionRecord(s_key, "hash", "2031/KEN/r.txt", "text", "en", 1, QuestionSet.Empty, [], s_at, s_at, "rules"), report, report.Status);

    private static string[] Counted(ReviewedReport report, StateIndicationCounting counting) =>
        [.. ReviewedPeriod.Answers([State(report)], s_machine.ToLookup(a => a.State.Iso3), counting).Select(a => $"{a.Question}:{a.Text}")];

    [Fact]
    public void Build_StateRowsOnly_PendingPassageOfSourceStateAndStatusStillMachine()
    {
        var report = Build(Point(1, Question.C, "1.3", "pointed"), Withdraw(2, "a-1.1"));

        var pointed = report.Passages.Single(p => p.Id == "c-1.3");
        Assert.Equal((PassageSources.State, PassageDecisions.Pending, false), (pointed.Source, pointed.Decision, pointed.New));
        Assert.Equal([(IndicationKinds.Point, "c-1.3"), (IndicationKinds.Withdraw, "a-1.1")], report.Indications.Select(i => (i.Kind, i.Passage)));
        Assert.All(report.Indications, i => Assert.Equal((PassageDecisions.Pending, "0123456789abcdef"), (i.Decision, i.ById)));
        Assert.Equal(ReviewStatus.Machine, report.Status);
        Assert.DoesNotContain(report.Passages, p => p.New);
    }

    [Fact]
    public void Build_AnalystDecidesThePassages_DecidesTheIndicationsWithWhoAndWhen()
    {
        var report = Build(Point(1, Question.C, "1.3", "pointed"), Withdraw(2, "a-1.1"), Withdraw(3, "b-1.2"),
            Analyst(4, ReviewAction.Accept, "c-1.3"), Analyst(5, ReviewAction.Reject, "a-1.1"), Analyst(6, ReviewAction.Accept, "b-1.2"));

        Assert.Equal([PassageDecisions.Accepted, PassageDecisions.Accepted, PassageDecisions.Rejected], report.Indications.Select(i => i.Decision));
        Assert.Equal(("Ana", s_at.AddMinutes(4)), (report.Indications[0].DecidedBy, report.Indications[0].DecidedAt));
        Assert.Equal(ReviewStatus.InReview, report.Status);
    }

    [Fact]
    public void Build_DecisionBeforeTheIndication_LeavesItPendingAndDoneDecidesNothing()
    {
        var report = Build(Analyst(1, ReviewAction.Accept, "a-1.1"), Withdraw(2, "a-1.1"), Analyst(3, ReviewAction.Done, "", "a-1.1", "b-1.2"));

        Assert.Equal(PassageDecisions.Pending, Assert.Single(report.Indications).Decision);
        Assert.Equal(ReviewStatus.Reviewed, report.Status);
    }

    [Fact]
    public void Answers_Accepted_CountsAnIndicationOnlyOnceAnAnalystAcceptsIt()
    {
        var pending = Build(Point(1, Question.C, "1.3", "pointed"), Withdraw(2, "a-1.1"));
        var decided = Build(Point(1, Question.C, "1.3", "pointed"), Withdraw(2, "a-1.1"), Analyst(3, ReviewAction.Accept, "c-1.3"), Analyst(4, ReviewAction.Reject, "a-1.1"));
        var refused = Build(Point(1, Question.C, "1.3", "pointed"), Withdraw(2, "a-1.1"), Analyst(3, ReviewAction.Reject, "c-1.3"), Analyst(4, ReviewAction.Accept, "a-1.1"));

        Assert.Equal(["a:machine a", "b:machine b"], Counted(pending, StateIndicationCounting.Accepted));
        Assert.Equal(["b:machine b", "c:pointed"], Counted(decided, StateIndicationCounting.Accepted));
        Assert.Equal(["a:machine a", "b:machine b"], Counted(refused, StateIndicationCounting.Accepted));
    }

    [Fact]
    public void Answers_UntilDecided_CountsAPendingIndicationUntilAnAnalystRejectsIt()
    {
        var pending = Build(Point(1, Question.C, "1.3", "pointed"), Withdraw(2, "a-1.1"));
        var refused = Build(Point(1, Question.C, "1.3", "pointed"), Withdraw(2, "a-1.1"), Analyst(3, ReviewAction.Reject, "c-1.3"), Analyst(4, ReviewAction.Accept, "a-1.1"));
        var doneThenPointed = Build(Analyst(1, ReviewAction.Done, "", "a-1.1", "b-1.2"), Point(2, Question.D, "1.4", "late"), Withdraw(3, "b-1.2"));

        Assert.Equal(["b:machine b", "c:pointed"], Counted(pending, StateIndicationCounting.UntilDecided));
        Assert.Equal(["a:machine a", "b:machine b"], Counted(refused, StateIndicationCounting.UntilDecided));
        Assert.Equal(["a:machine a", "d:late"], Counted(doneThenPointed, StateIndicationCounting.UntilDecided));
        Assert.Equal(["a:machine a", "b:machine b"], Counted(doneThenPointed, StateIndicationCounting.Accepted));
        Assert.Equal(ReviewStatus.InReview, doneThenPointed.Status);
    }
}
