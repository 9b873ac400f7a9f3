using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Survey;
using ReportPipeline.Extraction;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.IntegrationTests;

/// <summary>The timer's view: which periods get a new edition, when latest.json moves, and what changed since the last edition.</summary>
[Trait("Category", "Integration")]
[Collection(TimerCollection.Name)]
public sealed class SurveyPublisherTests(AzuriteFixture azurite) : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero));
    private ServiceProvider? _services;

    private ServiceProvider Services => _services ??= azurite.CreateServices(s => s.AddSingleton<TimeProvider>(_clock));

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    private async Task SaveAsync(Period period, string iso3, string text, string language = "en")
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(period + iso3 + text)));
        ExtractedAnswer[] answers = [new(Question.A, text, 0.9, ExtractionMethods.Marker, [new Provenance(1, 1)], ThemeCatalog.Default.Match(text))];
        var report = new ExtractedReport(language, 1, answers, ThemeCatalog.Summarise(answers), []) { ExtractorVersion = AnswerExtractor.ExtractorVersion };
        await Services.GetRequiredService<ISubmissionStore>().SaveSubmissionAsync(
            new SubmissionRecord(AzuriteFixture.Key(period, iso3), hash, $"{period}/{iso3}/r.txt", "text", language, 1, report.Coverage, [], _clock.GetUtcNow(),
                _clock.GetUtcNow(), AnswerExtractor.ExtractorVersion), report,
            TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromMinutes(1));
    }

    private async Task<Azure.ETag?> LatestPointerETagAsync(Period period)
    {
        var blob = Services.GetRequiredService<StorageClientFactory>().Blobs.GetBlobContainerClient(StorageNames.SurveysContainer)
            .GetBlobClient($"{period}/{BlobSurveyStore.LatestFileName}");
        var ct = TestContext.Current.CancellationToken;
        return await blob.ExistsAsync(ct) ? (await blob.GetPropertiesAsync(cancellationToken: ct)).Value.ETag : null;
    }

    private async Task<SurveyModel> ReadJsonAsync(SurveyEdition edition) =>
        JsonSerializer.Deserialize<SurveyModel>((await Services.GetRequiredService<ISurveyStore>().ReadFileAsync(edition, JsonSurveyRenderer.Name,
            TestContext.Current.CancellationToken))!.Value.Span, JsonSurveyRenderer.Options)!;

    [Fact]
    public async Task CompileChangedAsync_SomePeriodsChanged_CompilesThoseAndSkipsTheRest()
    {
        var ct = TestContext.Current.CancellationToken;
        var sut = Services.GetRequiredService<SurveyPublisher>();
        Period changed = AzuriteFixture.NewPeriod(), unchanged = AzuriteFixture.NewPeriod(), fresh = AzuriteFixture.NewPeriod();
        await SaveAsync(changed, "FRA", "border police");
        await SaveAsync(unchanged, "DEU", "terrorist financing");
        var first = await sut.CompileChangedAsync(ct);
        var unchangedPointer = await LatestPointerETagAsync(unchanged);
        _clock.Advance(TimeSpan.FromHours(1));
        await SaveAsync(changed, "ITA", "mutual legal assistance");
        await SaveAsync(fresh, "ESP", "human rights");

        var second = await sut.CompileChangedAsync(ct);
        var third = await sut.CompileChangedAsync(ct);

        Assert.Contains(first, r => r.Edition.Period == changed && r.Published);
        Assert.Contains(first, r => r.Edition.Period == unchanged && r.Published);
        Assert.Equal([changed, fresh], second.Where(r => r.Edition.Period == changed || r.Edition.Period == unchanged || r.Edition.Period == fresh)
            .Where(r => r.Published).Select(r => r.Edition.Period));
        Assert.DoesNotContain(second, r => r.Edition.Period == unchanged);
        Assert.DoesNotContain(third, r => r.Edition.Period == changed || r.Edition.Period == unchanged || r.Edition.Period == fresh);
        Assert.Equal(unchangedPointer, await LatestPointerETagAsync(unchanged));
        Assert.Equal(2, (await Services.GetRequiredService<ISurveyStore>().GetLatestEditionAsync(changed, ct))!.StatesReporting);
    }

    [Fact]
    public async Task CompileAsync_Rerun_PublishesNothingAndLatestJsonStays()
    {
        var ct = TestContext.Current.CancellationToken;
        var sut = Services.GetRequiredService<SurveyPublisher>();
        var period = AzuriteFixture.NewPeriod();
        await SaveAsync(period, "KEN", "border management");

        var first = await sut.CompileAsync(period, ct);
        var pointer = await LatestPointerETagAsync(period);
        _clock.Advance(TimeSpan.FromHours(1));
        var rerun = await sut.CompileAsync(period, ct);

        Assert.True(first.Published);
        Assert.False(rerun.Published);
        Assert.Equal(first.Edition.Edition, rerun.Edition.Edition);
        Assert.Equal(first.Edition.ContentHash, rerun.Edition.ContentHash);
        Assert.Equal(pointer, await LatestPointerETagAsync(period));
        var index = Services.GetRequiredService<StorageClientFactory>().Tables.GetTableClient(StorageNames.SurveysTable);
        Assert.Single(index.Query<TableEntity>(e => e.PartitionKey == period.Value, cancellationToken: ct));
    }

    [Fact]
    public async Task CompileAsync_NewEdition_ListsChangesSinceThePreviousEdition()
    {
        var ct = TestContext.Current.CancellationToken;
        var sut = Services.GetRequiredService<SurveyPublisher>();
        var period = AzuriteFixture.NewPeriod();
        await SaveAsync(period, "FRA", "border police and COVID pandemic");
        var first = await sut.CompileAsync(period, ct);
        _clock.Advance(TimeSpan.FromHours(1));
        await SaveAsync(period, "EGY", "تمويل الإرهاب", "ar");
        await SaveAsync(period, "FRA", "border police");

        var second = await sut.CompileAsync(period, ct);
        var model = await ReadJsonAsync(second.Edition);

        Assert.True(second.Published);
        Assert.NotEqual(first.Edition.Edition, second.Edition.Edition);
        var changes = model.Changes!;
        Assert.Equal((period.Value, first.Edition.Edition, 1, 2), (changes.BaselinePeriod, changes.BaselineEdition, changes.BaselineStatesReporting, changes.StatesReporting));
        Assert.Equal(["EGY"], changes.NewReporters.Select(s => s.Iso3));
        Assert.Equal(["FRA"], changes.RevisedReports.Select(s => s.Iso3));
        Assert.Contains(changes.Rising, t => t.Key == "cft");
        Assert.Contains(changes.Falling, t => t.Key == "covid-19");
        Assert.Null((await ReadJsonAsync(first.Edition)).Changes);
    }

    [Fact]
    public async Task CompileAsync_FirstEditionOfAPeriod_ComparesWithThePeriodBefore()
    {
        var ct = TestContext.Current.CancellationToken;
        var sut = Services.GetRequiredService<SurveyPublisher>();
        var earlier = AzuriteFixture.NewPeriod();
        var following = Period.Parse(earlier.Value[..^1] + (char)(earlier.Value[^1] + 1));
        await SaveAsync(earlier, "FRA", "border police");
        await SaveAsync(earlier, "CHN", "互联网");
        var before = await sut.CompileAsync(earlier, ct);
        await SaveAsync(following, "FRA", "border police");
        await SaveAsync(following, "BRA", "human rights");

        var model = await ReadJsonAsync((await sut.CompileAsync(following, ct)).Edition);

        var changes = model.Changes!;
        Assert.Equal((earlier.Value, before.Edition.Edition), (changes.BaselinePeriod, changes.BaselineEdition));
        Assert.Equal(["BRA"], changes.NewReporters.Select(s => s.Iso3));
        Assert.Equal(["CHN"], changes.NoLongerReporting.Select(s => s.Iso3));
        Assert.Empty(changes.RevisedReports);
    }
}

/// <summary>
/// Tests that run the timer's pass, which compiles every changed period in the storage account: one at a time, on an Azurite
/// of their own (the collection's <see cref="AzuriteFixture"/>, which its tests are given instead of the assembly's). On the
/// shared one a pass would publish other tests' periods between their ingest and their own compile, which then finds
/// nothing to publish.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TimerCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "timer";
}
