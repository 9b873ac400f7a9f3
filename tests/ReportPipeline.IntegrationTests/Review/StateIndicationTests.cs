using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReportPipeline.Core;
using ReportPipeline.Core.Review;
using ReportPipeline.Core.Staff;
using ReportPipeline.Core.Survey;

namespace ReportPipeline.IntegrationTests.Review;

/// <summary>
/// A state's indications against a real Azurite: stored in the report's review log with the analysts' decisions, refused
/// where they name nothing of the current report, and counted in the survey once accepted, or until decided per setting.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StateIndicationTests(AzuriteFixture azurite) : IAsyncDisposable
{
    private const string Report = ReviewTests.Report;

    private const string KeyId = "0123456789abcdef";
    private static readonly StaffPrincipal s_ana = new("00000000-0000-0000-0000-0000000000a1", "Ana Analyst", new HashSet<string>(), IsLocal: false);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly List<ServiceProvider> _owned = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        foreach (var services in _owned)
        {
            await services.DisposeAsync();
        }
    }

    private ServiceProvider Services(string counting = "Accepted")
    {
        var services = azurite.CreateServices(s => s.AddSingleton<TimeProvider>(_clock), new Dictionary<string, string?> { ["Review:StateIndications"] = counting });
        _owned.Add(services);
        return services;
    }

    private Task<SubmissionKey> IngestAsync(ServiceProvider services, string file = "report.txt", Period? period = null, string text = Report) =>
        azurite.IngestAcceptedAsync("KEN", text, services, file, period);

    private static async Task<string> CoverageAsync(ServiceProvider services, Period period)
    {
        var prepared = await services.GetRequiredService<SurveyPublisher>().PrepareAsync(period, "e1", DateTimeOffset.UnixEpoch, null, Ct);
        return prepared.Model.Annex.Single(s => s.Iso3 == "KEN").Coverage.ToString();
    }

    [Fact]
    public async Task Indicate_PointAndWithdraw_AnalystSeesThemAsTheStatesAndTheSurveyCountsThemOnlyOnceAccepted()
    {
        var services = Services();
        var key = await IngestAsync(services);
        var indications = services.GetRequiredService<StateIndicationService>();
        var review = services.GetRequiredService<ReviewService>();
        var shown = await indications.ShowAsync(key, Ct);

        await indications.IndicateAsync(key, KeyId, new StateIndicationRequest(ReviewAction.Point, shown.Version, shown.Revision, Question.C, "1.3"), Ct);
        await indications.IndicateAsync(key, KeyId, new StateIndicationRequest(ReviewAction.Withdraw, shown.Version, 1, Passage: "a-1.1"), Ct);
        var sheet = await review.ShowAsync(key, Ct);
        var pendingCoverage = await CoverageAsync(services, key.Period);
        var listedPending = Assert.Single(await review.ListAsync(key.Period, Ct)).PendingIndications;
        await review.DecideAsync(key, new ReviewRequest(ReviewAction.Accept, "c-1.3"), s_ana, sheet.Revision, Ct);
        await review.DecideAsync(key, new ReviewRequest(ReviewAction.Reject, "a-1.1"), s_ana, sheet.Revision + 1, Ct);
        var decided = await indications.ShowAsync(key, Ct);
        var listedDecided = Assert.Single(await review.ListAsync(key.Period, Ct)).PendingIndications;

        Assert.Equal((1, 0), (shown.Version, shown.Revision));
        Assert.Equal(["a-1.1", "b-1.2", "d-1.4"], shown.Passages.Select(p => p.Id));
        var pointed = Assert.Single(sheet.Questions["c"].Passages);
        Assert.Equal(("c-1.3", PassageSources.State, PassageDecisions.Pending), (pointed.Id, pointed.Source, pointed.Decision));
        Assert.Contains("Nairobi", pointed.Text, StringComparison.Ordinal);
        Assert.Equal([(IndicationKinds.Point, KeyId, "focal point of KEN"), (IndicationKinds.Withdraw, KeyId, "focal point of KEN")],
            sheet.Indications.Select(i => (i.Kind, i.ById, i.ByName)));
        Assert.Equal((ReviewStatus.Machine, 2), (sheet.Status, sheet.Revision));
        Assert.Equal("abd", pendingCoverage);
        Assert.Equal((2, 0), (listedPending, listedDecided));
        Assert.Equal([PassageDecisions.Accepted, PassageDecisions.Accepted], decided.Indications.Select(i => i.Decision));
        Assert.All(decided.Indications, i => Assert.Null(i.DecidedBy));
        Assert.All(decided.Indications, i => Assert.Equal(_clock.GetUtcNow(), i.DecidedAt));
        Assert.Equal("bcd", await CoverageAsync(services, key.Period));
    }

    [Fact]
    public async Task Compile_UntilDecided_CountsPendingIndicationsUntilAnAnalystRejectsThem()
    {
        var services = Services(nameof(StateIndicationCounting.UntilDecided));
        var key = await IngestAsync(services);
        var indications = services.GetRequiredService<StateIndicationService>();
        var review = services.GetRequiredService<ReviewService>();

        await indications.IndicateAsync(key, KeyId, new StateIndicationRequest(ReviewAction.Point, 1, 0, Question.C, "1.3"), Ct);
        await indications.IndicateAsync(key, KeyId, new StateIndicationRequest(ReviewAction.Withdraw, 1, 1, Passage: "a-1.1"), Ct);
        var pending = await CoverageAsync(services, key.Period);
        await review.DecideAsync(key, new ReviewRequest(ReviewAction.Reject, "c-1.3"), s_ana, 2, Ct);
        await review.DecideAsync(key, new ReviewRequest(ReviewAction.Accept, "a-1.1"), s_ana, 3, Ct);

        Assert.Equal("bcd", pending);
        Assert.Equal("abd", await CoverageAsync(services, key.Period));
        Assert.Equal([PassageDecisions.Rejected, PassageDecisions.Rejected], (await indications.ShowAsync(key, Ct)).Indications.Select(i => i.Decision));
    }

    [Fact]
    public async Task Indicate_NothingOfTheCurrentReport_RefusedWithReasonAndNothingStored()
    {
        var services = Services();
        var key = await IngestAsync(services, "r1.txt");
        var indications = services.GetRequiredService<StateIndicationService>();
        await indications.IndicateAsync(key, KeyId, new StateIndicationRequest(ReviewAction.Point, 1, 0, Question.C, "1.3"), Ct);
        await IngestAsync(services, "r2.txt", key.Period, Report + "\n\n(c) The Committee should visit more often.");

        async Task<string> RefusedAsync(StateIndicationRequest request) =>
            (await Assert.ThrowsAsync<ReviewRefusedException>(() => indications.IndicateAsync(key, KeyId, request, Ct))).ReasonCode;

        Assert.Equal(ReasonCodes.ReportNotCurrent, await RefusedAsync(new StateIndicationRequest(ReviewAction.Point, 1, null, Question.C, "1.3")));
        Assert.Equal(ReasonCodes.UnknownParagraph, await RefusedAsync(new StateIndicationRequest(ReviewAction.Point, 2, null, Question.C, "9.9")));
        Assert.Equal(ReasonCodes.UnknownParagraph, await RefusedAsync(new StateIndicationRequest(ReviewAction.Point, 2, null, Question.C, "<b>")));
        Assert.Equal(ReasonCodes.AlreadyIndicated, await RefusedAsync(new StateIndicationRequest(ReviewAction.Point, 2, null, Question.B, "1.2")));
        Assert.Equal(ReasonCodes.UnknownPassage, await RefusedAsync(new StateIndicationRequest(ReviewAction.Withdraw, 2, null, Passage: "c-1.3")));
        Assert.Equal(ReasonCodes.BadQuestion, await RefusedAsync(new StateIndicationRequest(ReviewAction.Point, 2, null, null, "1.3")));
        var current = await indications.ShowAsync(key, Ct);
        Assert.Equal((2, 0), (current.Version, current.Revision));
        Assert.Empty(current.Indications);
        Assert.Equal(ReasonCodes.NoReport,
            (await Assert.ThrowsAsync<ReviewRefusedException>(() => indications.ShowAsync(AzuriteFixture.Key(key.Period, "FRA"), Ct))).ReasonCode);
    }

    [Fact]
    public async Task Indicate_TooManyOrOnAnOldRevision_RefusedAndTheLogKeepsEveryOther()
    {
        var services = Services();
        var paragraphs = string.Join("\n\n", Enumerable.Range(1, StateIndicationService.MaxIndications + 1).Select(i => $"Paragraph number {i} of the national statement."));
        var key = await IngestAsync(services, text: paragraphs);
        var indications = services.GetRequiredService<StateIndicationService>();

        await indications.IndicateAsync(key, KeyId, new StateIndicationRequest(ReviewAction.Point, 1, 0, Question.D, "1.1"), Ct);
        var late = await Assert.ThrowsAsync<ReviewConflictException>(() =>
            indications.IndicateAsync(key, KeyId, new StateIndicationRequest(ReviewAction.Point, 1, 0, Question.C, "1.1"), Ct));
        for (var i = 2; i <= StateIndicationService.MaxIndications; i++)
        {
            await indications.IndicateAsync(key, KeyId, new StateIndicationRequest(ReviewAction.Point, 1, i - 1, Question.D, $"1.{i}"), Ct);
        }

        var tooMany = await Assert.ThrowsAsync<ReviewRefusedException>(() =>
            indications.IndicateAsync(key, KeyId, new StateIndicationRequest(ReviewAction.Point, 1, null, Question.D, $"1.{StateIndicationService.MaxIndications + 1}"), Ct));

        Assert.Equal(ReasonCodes.TooManyIndications, tooMany.ReasonCode);
        Assert.Equal(1, late.StoredRevision);
        Assert.Equal((ReasonCodes.IndicationConflict, StateIndicationService.OwnConflictMessage), StateIndicationService.Conflict(late));
        Assert.StartsWith($"The focal point of KEN saved an indication on KEN {key.Period} first (revision 1, yours was made on 0). Your indication was not saved",
            late.Message, StringComparison.Ordinal);
        Assert.Equal(StateIndicationService.MaxIndications, (await indications.ShowAsync(key, Ct)).Indications.Count);
    }

    [Fact]
    public async Task Conflict_StateOrAnalystSavedFirst_NamesWhoSavedFirst()
    {
        var services = Services();
        var key = await IngestAsync(services);
        var indications = services.GetRequiredService<StateIndicationService>();
        var review = services.GetRequiredService<ReviewService>();
        await indications.IndicateAsync(key, KeyId, new StateIndicationRequest(ReviewAction.Point, 1, 0, Question.C, "1.3"), Ct);

        var analystLate = await Assert.ThrowsAsync<ReviewConflictException>(() => review.DecideAsync(key, new ReviewRequest(ReviewAction.Reject, "a-1.1"), s_ana, 0, Ct));
        await review.DecideAsync(key, new ReviewRequest(ReviewAction.Reject, "a-1.1"), s_ana, 1, Ct);
        var stateLate = await Assert.ThrowsAsync<ReviewConflictException>(() =>
            indications.IndicateAsync(key, KeyId, new StateIndicationRequest(ReviewAction.Withdraw, 1, 1, Passage: "d-1.4"), Ct));
        var both = await Assert.ThrowsAsync<ReviewConflictException>(() => review.DecideAsync(key, new ReviewRequest(ReviewAction.Accept, "d-1.4"), s_ana, 0, Ct));

        Assert.True(analystLate.StateSavedFirst);
        Assert.Equal($"The focal point of KEN saved an indication on KEN {key.Period} first (revision 1, yours was made on 0). "
            + "Your decision was not saved: reload the report, check what changed and decide again.", analystLate.Message);
        Assert.False(stateLate.StateSavedFirst);
        Assert.StartsWith($"Ana Analyst saved a decision on KEN {key.Period} first (revision 2, yours was made on 1). Your indication was not saved", stateLate.Message, StringComparison.Ordinal);
        Assert.Equal((ReasonCodes.ReviewConflict, StateIndicationService.ConflictMessage), StateIndicationService.Conflict(stateLate));
        Assert.StartsWith($"The focal point of KEN and Ana Analyst saved 2 changes on KEN {key.Period} first (revision 2, yours was made on 0).", both.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_UnknownCountingSetting_StopsTheApp()
    {
        var stopped = Assert.ThrowsAny<Exception>(() => Services("Sometimes"));

        Assert.Contains("StateIndications", stopped.ToString(), StringComparison.Ordinal);
    }
}
