using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Review;
using ReportPipeline.Core.Staff;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Survey;
using ReportPipeline.Evaluation;
using ReportPipeline.Extraction;

namespace ReportPipeline.IntegrationTests.Review;

/// <summary>The review against a real Azurite: every kind of decision, conflicts, staleness, re-extraction, the survey's marks, search and export.</summary>
[Trait("Category", "Integration")]
[Collection(TimerCollection.Name)]
public sealed class ReviewTests(AzuriteFixture azurite) : IAsyncDisposable
{
    /// <summary>A report answering (a), (b) and (d) in paragraphs 1.1, 1.2 and 1.4, with 1.3 answering nothing: the review tests' and the indications'.</summary>
    internal const string Report = """
        (a) Our main challenge is the financing of terrorism through virtual assets and online crowdfunding platforms.

        (b) Technical assistance from CTED and UNODC helped us draft our counter-terrorism financing law in 2025.

        The national working group met in Nairobi on four occasions during the year.

        (d) We coordinate closely with the Office of Counter-Terrorism and the 1267 Monitoring Team.
        """;

    private static readonly StaffPrincipal s_ana = new("00000000-0000-0000-0000-0000000000a1", "Ana Analyst", new HashSet<string>(), IsLocal: false);
    private static readonly StaffPrincipal s_ben = new("00000000-0000-0000-0000-0000000000b2", "Ben Analyst", new HashSet<string>(), IsLocal: false);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider? _services;

    private ServiceProvider Services => _services ??= azurite.CreateServices(s => s.AddSingleton<TimeProvider>(_clock));

    private ReviewService Review => Services.GetRequiredService<ReviewService>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    private Task<SubmissionKey> IngestAsync(string iso3 = "KEN", string text = Report, string file = "report.txt", Period? period = null) =>
        azurite.IngestAcceptedAsync(iso3, text, Services, file, period);

    private static ReviewedPassage Passage(ReviewSheet sheet, string question, string id) => sheet.Questions[question].Passages.Single(p => p.Id == id);

    [Fact]
    public async Task DecideAsync_EveryKind_RecordedWithWhoAndWhenAndApplied()
    {
        var key = await IngestAsync();
        var shown = await Review.ShowAsync(key, Ct);
        Assert.Equal(ReviewStatus.Machine, shown.Status);
        Assert.Equal(["1.1", "1.2", "1.3", "1.4"], shown.Paragraphs.Select(p => p.Id));
        Assert.All(shown.Questions.Values.SelectMany(q => q.Passages), p => Assert.Equal(PassageDecisions.Pending, p.Decision));
        Assert.All(shown.Questions.Values, q => Assert.DoesNotContain(q.Candidates, c => q.Passages.Any(p => p.Id.EndsWith("-" + c.Id, StringComparison.Ordinal))));

        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Reject, "a-1.1"), s_ana, 0, Ct);
        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Move, "b-1.2", Question.C), s_ana, 1, Ct);
        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Copy, "d-1.4", Question.B), s_ana, 2, Ct);
        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Add, Question: Question.A, Paragraph: "1.3"), s_ana, 3, Ct);
        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Accept, "d-1.4"), s_ana, 4, Ct);
        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Note, Question: Question.B, Note: "Ask about the 2025 law."), s_ana, 5, Ct);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var sheet = await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Done), s_ben, 6, Ct);

        Assert.Equal(ReviewStatus.Reviewed, sheet.Status);
        Assert.Equal(7, sheet.Revision);
        Assert.Equal("Ben Analyst", sheet.ReviewedBy);
        Assert.Equal(_clock.GetUtcNow(), sheet.ReviewedAt);
        Assert.Equal(PassageDecisions.Rejected, Passage(sheet, "a", "a-1.1").Decision);
        Assert.Equal((PassageSources.Analyst, PassageDecisions.Accepted), (Passage(sheet, "a", "a-1.3").Source, Passage(sheet, "a", "a-1.3").Decision));
        Assert.Contains("Nairobi", Passage(sheet, "a", "a-1.3").Text, StringComparison.Ordinal);
        Assert.Equal(PassageDecisions.Rejected, Passage(sheet, "b", "b-1.2").Decision);
        Assert.Equal((PassageSources.Machine, PassageDecisions.Accepted), (Passage(sheet, "c", "c-1.2").Source, Passage(sheet, "c", "c-1.2").Decision));
        Assert.Equal(PassageDecisions.Accepted, Passage(sheet, "b", "b-1.4").Decision);
        Assert.Equal(PassageDecisions.Accepted, Passage(sheet, "d", "d-1.4").Decision);
        Assert.Equal("Ask about the 2025 law.", sheet.Questions["b"].Note);
        Assert.Empty(sheet.Questions["c"].Candidates);

        var log = await Services.GetRequiredService<IReviewStore>().GetAsync(key, sheet.ContentHash, Ct);
        Assert.Equal([ReviewAction.Reject, ReviewAction.Move, ReviewAction.Copy, ReviewAction.Add, ReviewAction.Accept, ReviewAction.Note, ReviewAction.Done],
            log.Decisions.Select(d => d.Action));
        Assert.Equal(["00000000-0000-0000-0000-0000000000a1"], log.Decisions.Take(6).Select(d => d.ById).Distinct());
        Assert.Equal(("00000000-0000-0000-0000-0000000000b2", "Ben Analyst"), (log.Decisions[^1].ById, log.Decisions[^1].ByName));
    }

    [Fact]
    public async Task DecideAsync_RequestNamesNothingTheReportHolds_RefusedWithReason()
    {
        var key = await IngestAsync();

        var passage = await Assert.ThrowsAsync<ReviewRefusedException>(() => Review.DecideAsync(key, new ReviewRequest(ReviewAction.Accept, "c-9.9"), s_ana, null, Ct));
        var paragraph = await Assert.ThrowsAsync<ReviewRefusedException>(() =>
            Review.DecideAsync(key, new ReviewRequest(ReviewAction.Add, Question: Question.C, Paragraph: "7.1"), s_ana, null, Ct));
        var same = await Assert.ThrowsAsync<ReviewRefusedException>(() => Review.DecideAsync(key, new ReviewRequest(ReviewAction.Move, "a-1.1", Question.A), s_ana, null, Ct));
        var none = await Assert.ThrowsAsync<ReviewRefusedException>(() =>
            Review.ShowAsync(AzuriteFixture.Key(key.Period, "FRA"), Ct));

        Assert.Equal(["unknown-passage", "unknown-paragraph", "same-question", "no-report"], new[] { passage, paragraph, same, none }.Select(e => e.ReasonCode));
        Assert.Equal(0, (await Review.ShowAsync(key, Ct)).Revision);
    }

    [Fact]
    public async Task DecideAsync_TwoAnalystsSaveOnOneRevision_OneIsStoredTheOtherToldAndNothingLost()
    {
        var key = await IngestAsync();

        var first = Review.DecideAsync(key, new ReviewRequest(ReviewAction.Reject, "a-1.1"), s_ana, 0, Ct);
        var second = Review.DecideAsync(key, new ReviewRequest(ReviewAction.Accept, "d-1.4"), s_ben, 0, Ct);
        var outcomes = await Task.WhenAll(Outcome(first), Outcome(second));

        Assert.Single(outcomes, o => o is null);
        var conflict = Assert.Single(outcomes.OfType<ReviewConflictException>());
        Assert.Equal(1, conflict.StoredRevision);
        Assert.StartsWith($"{(outcomes[0] is null ? s_ana : s_ben).Name} saved a decision on KEN {key.Period} first (revision 1, yours was made on 0). Your decision was not saved",
            conflict.Message, StringComparison.Ordinal);
        var sheet = await Review.ShowAsync(key, Ct);
        Assert.Equal(1, sheet.Revision);

        var retried = await Review.DecideAsync(key, outcomes[0] is null ? new ReviewRequest(ReviewAction.Accept, "d-1.4") : new ReviewRequest(ReviewAction.Reject, "a-1.1"),
            outcomes[0] is null ? s_ben : s_ana, sheet.Revision, Ct);
        Assert.Equal(2, retried.Revision);
        Assert.Equal(PassageDecisions.Rejected, Passage(retried, "a", "a-1.1").Decision);
        Assert.Equal(PassageDecisions.Accepted, Passage(retried, "d", "d-1.4").Decision);
    }

    private static async Task<ReviewConflictException?> Outcome(Task<ReviewSheet> save)
    {
        try
        {
            await save;
            return null;
        }
        catch (ReviewConflictException e)
        {
            return e;
        }
    }

    [Fact]
    public async Task NewUpload_AfterReview_OldReviewStaleAndSurveyMachineExtracted()
    {
        var key = await IngestAsync(file: "r1.txt");
        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Reject, "a-1.1"), s_ana, null, Ct);
        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Done), s_ana, null, Ct);

        await IngestAsync(text: Report + "\n\n(c) The Committee should visit more often.", file: "r2.txt", period: key.Period);
        var sheet = await Review.ShowAsync(key, Ct);
        var listed = Assert.Single(await Review.ListAsync(key.Period, Ct));
        var survey = await CompileAsync(key.Period);

        Assert.Equal(ReviewStatus.Stale, sheet.Status);
        Assert.Equal(0, sheet.Revision);
        Assert.Equal(PassageDecisions.Pending, Passage(sheet, "a", "a-1.1").Decision);
        Assert.Equal((ReviewStatus.Stale, 2), (listed.Status, listed.Version));
        var ken = survey.Annex.Single(s => s.Iso3 == "KEN");
        Assert.Equal((ReviewMarks.MachineExtracted, (DateTimeOffset?)null), (ken.Review, ken.ReviewedAt));
        Assert.Equal(0, survey.Introduction.Reviewed);
    }

    [Fact]
    public async Task Reprocess_NewExtractorVersion_KeepsDecisionsAndShowsUnseenPassagesAsNew()
    {
        var key = await IngestAsync();
        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Reject, "a-1.1"), s_ana, null, Ct);
        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Add, Question: Question.B, Paragraph: "1.3"), s_ana, null, Ct);
        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Done), s_ana, null, Ct);

        await using var newer = azurite.CreateServices(s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            s.AddSingleton<IAnswerExtractor>(p => new ExtraPassageExtractor(p.GetRequiredService<AnswerExtractor>()));
        });
        var outcome = await azurite.IngestAsync($"{key.Period}/KEN/report.txt", newer);
        var sheet = await newer.GetRequiredService<ReviewService>().ShowAsync(key, Ct);

        Assert.Equal(ExtraPassageExtractor.Name, (await Services.GetRequiredService<ISubmissionStore>().GetSubmissionAsync(key, Ct))!.ExtractorVersion);
        Assert.Equal((Core.Ingestion.IngestionStatus.Accepted, 1), (outcome.Status, outcome.Version));
        Assert.Equal(3, sheet.Revision);
        Assert.Equal(ReviewStatus.Reviewed, sheet.Status);
        Assert.Equal(PassageDecisions.Rejected, Passage(sheet, "a", "a-1.1").Decision);
        Assert.Equal(PassageDecisions.Accepted, Passage(sheet, "b", "b-1.3").Decision);
        var unseen = Passage(sheet, "c", "c-1.3");
        Assert.True(unseen.New);
        Assert.Equal(PassageDecisions.Pending, unseen.Decision);
        Assert.False(Passage(sheet, "d", "d-1.4").New);
    }

    [Fact]
    public async Task Compile_ReviewDone_MarksReviewedDropsRejectedCarriesAddedAndPublishesOnlyThen()
    {
        var key = await IngestAsync();
        var publisher = Services.GetRequiredService<SurveyPublisher>();
        var before = await publisher.CompileAsync(key.Period, Ct);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Reject, "a-1.1"), s_ana, null, Ct);
        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Add, Question: Question.C, Paragraph: "1.3"), s_ana, null, Ct);
        var inReview = await publisher.CompileAsync(key.Period, Ct);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Done), s_ana, null, Ct);
        var doneAt = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromMinutes(1));
        var changed = await publisher.CompileChangedAsync(Ct);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var again = await publisher.CompileAsync(key.Period, Ct);

        Assert.False(inReview.Published);
        var published = Assert.Single(changed, r => r.Edition.Period == key.Period);
        Assert.True(published.Published);
        Assert.False(again.Published);
        var survey = await ReadAsync(published.Edition);
        var ken = survey.Annex.Single(s => s.Iso3 == "KEN");
        Assert.Equal((ReviewMarks.Reviewed, (DateTimeOffset?)doneAt), (ken.Review, ken.ReviewedAt));
        Assert.Equal("bcd", ken.Coverage.ToString());
        Assert.Contains("Nairobi", ken.Answers.Single(a => a.Question == Question.C).Summary, StringComparison.Ordinal);
        Assert.Equal((1, 1), (survey.Introduction.Reviewed, survey.Introduction.Reports));
        Assert.All(survey.Regions.SelectMany(r => r.Subregions).SelectMany(s => s.Excerpts).Where(x => x.Iso3 == "KEN"), x => Assert.Equal(ReviewMarks.Reviewed, x.Review));
        var files = Services.GetRequiredService<ISurveyStore>();
        var json = System.Text.Encoding.UTF8.GetString((await files.ReadFileAsync(published.Edition, JsonSurveyRenderer.Name, Ct))!.Value.Span);
        var html = System.Text.Encoding.UTF8.GetString((await files.ReadFileAsync(published.Edition, HtmlSurveyRenderer.FileNameOf("en"), Ct))!.Value.Span);
        var csv = System.Text.Encoding.UTF8.GetString((await files.ReadFileAsync(published.Edition, "global-implementation-survey.csv", Ct))!.Value.Span);
        Assert.DoesNotContain("virtual assets", json, StringComparison.Ordinal);
        Assert.DoesNotContain("virtual assets", html, StringComparison.Ordinal);
        Assert.Contains("Answers reviewed by an analyst: 1 of 1 reports", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"review\" data-review=\"reviewed\">reviewed ", html, StringComparison.Ordinal);
        Assert.Contains($"\"reviewed\",\"{doneAt:yyyy-MM-dd}\"", csv, StringComparison.Ordinal);
        Assert.NotEqual(before.Edition.ContentHash, published.Edition.ContentHash);
    }

    [Fact]
    public async Task Search_ArabicAndChinese_CaseAccentAndLetterVariantsFold()
    {
        var period = AzuriteFixture.NewPeriod();
        await IngestAsync("EGY", "(ب) نُشيد بالتعاون الدولي مع المديرية التنفيذية لمكافحة الإرهاب وبالمساعدة التقنية التي قدمتها لنا.", period: period);
        await IngestAsync("CHN", "(b) 中方赞赏反恐执行局在技术援助和能力建设方面的工作。", period: period);
        await IngestAsync("FRA", "(b) La coopération judiciaire et l'entraide avec la Direction exécutive sont essentielles.", period: period);
        var search = Services.GetRequiredService<PassageSearch>();

        var arabic = await search.SearchAsync(new PassageQuery("نشيد بالتعاون الدولى", period), Ct);
        var chinese = await search.SearchAsync(new PassageQuery("技术援助", period), Ct);
        var french = await search.SearchAsync(new PassageQuery("COOPERATION JUDICIAIRE", period, Question.B), Ct);
        var elsewhere = await search.SearchAsync(new PassageQuery("技术援助", period, Language: "ar"), Ct);

        Assert.Equal(("EGY", Question.B, "ar"), Single(arabic));
        Assert.Equal(("CHN", Question.B, "zh"), Single(chinese));
        Assert.Equal(("FRA", Question.B, "fr"), Single(french));
        Assert.Empty(elsewhere.Hits);
        Assert.Equal($"/staff/review?period={period}&state=CHN#{chinese.Hits[0].Id}", chinese.Hits[0].Link);
        Assert.Equal("empty-query", (await Assert.ThrowsAsync<ReviewRefusedException>(() => search.SearchAsync(new PassageQuery(" ،، "), Ct))).ReasonCode);
    }

    private static (string, Question, string) Single(PassageSearchResult result)
    {
        var hit = Assert.Single(result.Hits);
        return (hit.State, hit.Question, hit.Language);
    }

    [Fact]
    public async Task Export_ReviewedReport_EvalScoresItAgainstTheDecisions()
    {
        var key = await IngestAsync();
        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Reject, "a-1.1"), s_ana, null, Ct);
        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Add, Question: Question.C, Paragraph: "1.3"), s_ana, null, Ct);
        await Review.DecideAsync(key, new ReviewRequest(ReviewAction.Done), s_ana, null, Ct);
        using var folder = new TempFolder("review-export");

        var exported = await Review.ExportAsync(key.Period, Ct);
        await LabelledSetWriter.WriteAsync(folder.Path, exported, Ct);
        var report = await new StatementSetEvaluator(Services.GetRequiredService<IDocumentAnalyzer>(), Services.GetRequiredService<AnswerExtractor>())
            .EvaluateAsync(folder.Path, _ => true, Ct);

        var labels = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Path, "labels.json"), Ct)).RootElement.GetProperty("01-KEN-en");
        Assert.Equal(["N", "Y", "Y", "Y"], Question.All.Select(q => labels.GetProperty(q.ToString()).GetProperty("label").GetString()));
        Assert.Empty(report.Errors);
        Assert.Equal(4, report.Cells.Count);
        var score = report.Score(_ => true);
        Assert.Equal((2, 3, 1, 1), (score.Found, score.Yes, score.NoAnswered, score.No));
    }

    private async Task<SurveyModel> CompileAsync(Period period) =>
        await ReadAsync((await Services.GetRequiredService<SurveyPublisher>().CompileAsync(period, Ct)).Edition);

    private async Task<SurveyModel> ReadAsync(SurveyEdition edition) =>
        JsonSerializer.Deserialize<SurveyModel>((await Services.GetRequiredService<ISurveyStore>().ReadFileAsync(edition, JsonSurveyRenderer.Name, Ct))!.Value.Span,
            JsonSurveyRenderer.Options)!;

    /// <summary>A newer extractor: the rules extractor's answers and one more, the Nairobi paragraph under (c).</summary>
    private sealed class ExtraPassageExtractor(AnswerExtractor inner) : IAnswerExtractor
    {
        public const string Name = "rules-4+review-test";

        public string ExtractorVersion => Name;

        public async Task<ExtractedReport> ExtractAsync(LayoutDocument document, CancellationToken cancellationToken)
        {
            var report = await inner.ExtractAsync(document, cancellationToken);
            var nairobi = document.Paragraphs.Single(p => p.Text.Contains("Nairobi", StringComparison.Ordinal));
            return report with
            {
                Answers = [.. report.Answers, new ExtractedAnswer(Question.C, nairobi.Text, 0.5, ExtractionMethods.Classifier, [new Provenance(nairobi.Page, nairobi.Index)], [])],
                ExtractorVersion = Name,
            };
        }
    }
}
