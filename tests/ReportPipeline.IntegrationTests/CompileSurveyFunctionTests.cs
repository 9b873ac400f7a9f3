using System.Text;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Survey;
using ReportPipeline.Functions.Surveys;

namespace ReportPipeline.IntegrationTests;

[Trait("Category", "Integration")]
[Collection(TimerCollection.Name)]
public sealed class CompileSurveyFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RunAsync_ChangedPeriod_PublishesOnceThenNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = AzuriteFixture.NewPeriod();
        await azurite.UploadAndIngestAsync($"{period}/EGY/statement.txt", BinaryData.FromString("(ب) التعاون الدولي مع المديرية التنفيذية <script>alert(1)</script>"));

        var sut = azurite.Services.GetRequiredService<CompileSurveyFunction>();

        var first = await sut.RunAsync(new TimerInfo(), ct);
        var second = await sut.RunAsync(new TimerInfo(), ct);

        var edition = Assert.Single(first, r => r.Edition.Period == period).Edition;
        Assert.DoesNotContain(second, r => r.Edition.Period == period);
        Assert.Equal(1, edition.StatesReporting);
        var surveys = azurite.Services.GetRequiredService<ISurveyStore>();
        Assert.Equal(edition.Edition, (await surveys.GetLatestEditionAsync(period, ct))!.Edition);
        var html = Encoding.UTF8.GetString((await surveys.ReadFileAsync(edition, HtmlSurveyRenderer.FileNameOf("en"), ct))!.Value.Span);
        using var json = JsonDocument.Parse((await surveys.ReadFileAsync(edition, JsonSurveyRenderer.Name, ct))!.Value);
        var source = json.RootElement.GetProperty("regions").EnumerateArray().SelectMany(r => r.GetProperty("subregions").EnumerateArray())
            .SelectMany(s => s.GetProperty("excerpts").EnumerateArray()).Single().GetProperty("source");
        Assert.Equal($"reports/{period}/EGY/statement.txt#page=1&paragraph=1", source.GetProperty("reference").GetString());
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", html, StringComparison.Ordinal);

        var links = await azurite.Services.GetRequiredService<SurveyLinkService>().GetLatestAsync(period, 5, ct);
        using var http = new HttpClient();
        var served = await http.GetStringAsync(links!.Links.Single(l => l.File == HtmlSurveyRenderer.FileNameOf("en")).Url, ct);
        Assert.Equal(html, served);
        var tampered = links.Links[0].Url.ToString().Replace("sig=", "sig=A", StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.GetAsync(tampered, ct)).StatusCode);
    }
}
