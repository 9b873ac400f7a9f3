using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Survey;
using ReportPipeline.Local;

namespace ReportPipeline.IntegrationTests;

/// <summary>
/// The survey's excerpts machine-translated through the Translator client, against a fake Translator on 127.0.0.1 and a
/// real Azurite (the cache of translations is a table): each page shows every excerpt not in its language with a marked
/// translation below it; a recompile asks nothing again; a 429 is retried; an outage leaves originals and a warning.
/// </summary>
public sealed partial class SurveyTranslationTests(AzuriteFixture azurite)
{
    /// <summary>The reports name their period, so no other test has translated (and cached) the same passages.</summary>
    private static string English(Period period) =>
        $"(a) Our main challenge in {period} is the financing of terrorism through virtual assets.\n\n(d) We coordinate with the Office of Counter-Terrorism in {period}.";

    private static string Arabic(Period period) => $"(ب) التعاون الدولي مع المديرية التنفيذية ساعدنا في مكافحة تمويل الإرهاب في {period}.";

    /// <summary>Two excerpts of NOR in English, one of EGY in Arabic: per target, one request per source language present and not the target.</summary>
    private const int RequestsPerCompile = 1 + 1 + (2 * 4);

    private ServiceProvider Services(FakeTranslator translator) => azurite.CreateServices(
        s => s.AddLogging(logging => logging.AddFakeLogging()),
        new Dictionary<string, string?>
        {
            ["Translation:Endpoint"] = translator.Endpoint,
            ["Translation:Key"] = "local-only-key",
            ["Translation:RetryDelay"] = "00:00:00.010",
            ["Translation:MaxRetryDelay"] = "00:00:00.050",
            ["Translation:MaxRetries"] = "2",
        });

    private async Task<Period> ReportsAsync()
    {
        var period = AzuriteFixture.NewPeriod();
        Assert.Equal(IngestionStatus.Accepted, (await azurite.UploadAndIngestAsync($"{period}/NOR/statement.txt", BinaryData.FromString(English(period)))).Status);
        Assert.Equal(IngestionStatus.Accepted, (await azurite.UploadAndIngestAsync($"{period}/EGY/statement.txt", BinaryData.FromString(Arabic(period)))).Status);
        return period;
    }

    private static async Task<string> PageAsync(IServiceProvider services, SurveyEdition edition, string language) =>
        Encoding.UTF8.GetString((await services.GetRequiredService<ISurveyStore>().ReadFileAsync(edition, HtmlSurveyRenderer.FileNameOf(language), TestContext.Current.CancellationToken))!.Value.Span);

    [Fact]
    public async Task Compile_FakeTranslator_EachPageTranslatesTheOtherExcerptsAndARecompileAsksNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = await ReportsAsync();
        await using var translator = new FakeTranslator();
        await using var services = Services(translator);
        var publisher = services.GetRequiredService<SurveyPublisher>();

        var first = await publisher.CompileAsync(period, ct);
        var requests = translator.Requests;
        var second = await publisher.CompileAsync(period, ct);

        Assert.True(first.Published);
        Assert.False(second.Published);
        Assert.Equal(RequestsPerCompile, requests);
        Assert.Equal(requests, translator.Requests);
        var french = await PageAsync(services, first.Edition, "fr");
        var machine = Machine().Matches(french).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, machine.Count);
        Assert.Contains(machine, m => m.Contains("[fr] Our main challenge in", StringComparison.Ordinal));
        Assert.Contains(machine, m => m.Contains("[fr] التعاون الدولي", StringComparison.Ordinal));
        Assert.Contains("<p class=\"machine-mark\">Traduction automatique, non officielle</p>", french, StringComparison.Ordinal);
        Assert.Contains("suivi d’une traduction automatique en français", french, StringComparison.Ordinal);
        var english = await PageAsync(services, first.Edition, "en");
        Assert.Single(Machine().Matches(english));
        Assert.Contains("[en] التعاون الدولي", english, StringComparison.Ordinal);
        Assert.DoesNotContain("[en] Our main", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compile_TranslatorThrottlesOnce_RetriesAndTranslates()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = await ReportsAsync();
        await using var translator = new FakeTranslator();
        translator.Script.Enqueue(new Reply(429, """{"error":{"code":429001,"message":"Too many requests."}}""", new Dictionary<string, string> { ["Retry-After"] = "0" }));
        await using var services = Services(translator);

        var compiled = await services.GetRequiredService<SurveyPublisher>().CompileAsync(period, ct);

        Assert.Equal(RequestsPerCompile + 1, translator.Requests);
        Assert.Equal(RequestsPerCompile, translator.Translated.Count);
        Assert.Equal(3, Machine().Matches(await PageAsync(services, compiled.Edition, "ru")).Count);
        Assert.DoesNotContain(services.GetFakeLogCollector().GetSnapshot(), r => r.Level == LogLevel.Warning && r.Id.Id == 3010);
    }

    [Fact]
    public async Task Compile_TranslatorDown_PublishesOriginalsSaysSoAndWarns()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = await ReportsAsync();
        await using var translator = new FakeTranslator { Outage = true };
        await using var services = Services(translator);

        var compiled = await services.GetRequiredService<SurveyPublisher>().CompileAsync(period, ct);

        Assert.True(compiled.Published);
        var spanish = await PageAsync(services, compiled.Edition, "es");
        Assert.Empty(Machine().Matches(spanish));
        Assert.Contains("No se pudo acceder al servicio de traducción automática", spanish, StringComparison.Ordinal);
        Assert.Contains("Our main challenge in", spanish, StringComparison.Ordinal);
        Assert.Contains(services.GetFakeLogCollector().GetSnapshot(), r => r.Level == LogLevel.Warning && r.Id.Id == 3010);
    }

    [Fact]
    public async Task Compile_NoTranslatorConfigured_OriginalsOnlyAndThePageSaysSo()
    {
        var period = await ReportsAsync();

        var compiled = await azurite.Services.GetRequiredService<SurveyPublisher>().CompileAsync(period, TestContext.Current.CancellationToken);

        var chinese = await PageAsync(azurite.Services, compiled.Edition, "zh");
        Assert.Empty(Machine().Matches(chinese));
        Assert.Contains("本版未提供机器翻译", chinese, StringComparison.Ordinal);
    }

    [GeneratedRegex("<div class=\"machine\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex Machine();
}
