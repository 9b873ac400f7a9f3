using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Survey;

namespace ReportPipeline.IntegrationTests;

/// <summary>
/// The survey HTML (of a hostile report; in each of the six languages), opened through its staff link in Debian's headless Chromium
/// (installed by .ci/install-extras; Playwright drives it and downloads no browser).
/// </summary>
[Trait("Category", "Browser")]
public sealed class SurveyBrowserTests(AzuriteFixture azurite)
{
    private const string HostileReport = """
        Statement to the Counter-Terrorism Committee.

        (a) Our border agencies lack equipment <script>alert(1)</script> and trained staff to police the frontier.

        (b) Technical assistance from CTED helped us draft terrorist financing legislation <img src=x onerror=alert(2)> last year.

        (d) =HYPERLINK("http://evil.example") CTED and UNOCT should coordinate their assistance better.
        """;

    private const string ArabicReport = """
        بيان إلى لجنة مكافحة الإرهاب.

        (أ) تواجه أجهزة الحدود لدينا نقصا في المعدات والتدريب على مراقبة الحدود.

        (ب) التعاون الدولي مع المديرية التنفيذية ساعدنا في مكافحة تمويل الإرهاب وتعزيز التشريع.
        """;

    private async Task IngestAsync(string blobName, string content)
    {
        var outcome = await azurite.UploadAndIngestAsync(blobName, BinaryData.FromString(content));
        Assert.Equal(IngestionStatus.Accepted, outcome.Status);
    }

    [Fact]
    public async Task SurveyHtml_HostileReportInChromium_ShowsMarkupAsTextRunsNothingAndSetsArabicRightToLeft()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = AzuriteFixture.NewPeriod();
        await IngestAsync($"{period}/GBR/statement.txt", HostileReport);
        await IngestAsync($"{period}/EGY/statement.txt", ArabicReport);
        await azurite.Services.GetRequiredService<SurveyPublisher>().CompileAsync(period, ct);
        var links = await azurite.Services.GetRequiredService<SurveyLinkService>().GetLatestAsync(period, 5, ct);
        var html = links!.Links.Single(l => l.File == HtmlSurveyRenderer.FileNameOf("en")).Url;

        await using var browser = await Browser.LaunchAsync();
        var problems = new List<string>();
        var page = await browser.NewPageAsync(problems);

        // Load is the signal that all ran that could: it waits for the parser (inline scripts, where an alert would block
        // it until the handler above dismissed it) and for every image to load or fail (onerror).
        var response = await page.GotoAsync(html.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        Assert.Equal(200, response!.Status);
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('script, img, iframe, object, embed').length"));
        Assert.True(await page.EvaluateAsync<bool>("[...document.querySelectorAll('blockquote')].some(b => b.textContent.includes('<script>alert(1)</script>'))"),
            "The report's <script> should show as text in an excerpt.");
        Assert.True(await page.EvaluateAsync<bool>("[...document.querySelectorAll('blockquote')].some(b => b.textContent.includes('<img src=x onerror=alert(2)>'))"),
            "The report's <img onerror> should show as text in an excerpt.");
        var arabic = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('blockquote[lang=ar]')].map(b => getComputedStyle(b).direction)");
        var english = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('blockquote[lang=en]')].map(b => getComputedStyle(b).direction)");
        Assert.NotEmpty(arabic);
        Assert.All(arabic, d => Assert.Equal("rtl", d));
        Assert.NotEmpty(english);
        Assert.All(english, d => Assert.Equal("ltr", d));
        Assert.Equal(3, await page.EvaluateAsync<int>("document.querySelectorAll('svg[role=img]').length"));

        var output = Browser.Output;
        var egypt = page.Locator("#excerpt-EGY-b");
        await egypt.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(output, "survey.png"), FullPage = true });
        await egypt.Locator("xpath=ancestor::section[1]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(output, "survey-arabic-excerpt.png") });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(output, "survey.pdf"), Format = "A4" });
        TestContext.Current.SendDiagnosticMessage($"Screenshots and print PDF in {output}");

        Assert.Empty(problems);
        Assert.True(new FileInfo(Path.Combine(output, "survey.png")).Length > 10_000);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", Encoding.UTF8.GetString(
            (await new HttpClient().GetByteArrayAsync(html, ct)).AsSpan()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SurveyHtml_EachOfSixLanguagesInChromium_ItsLanguageAndDirectionStateNamesAndNoSeriousAxeViolation()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = AzuriteFixture.NewPeriod();
        await IngestAsync($"{period}/NOR/statement.txt", HostileReport);
        await IngestAsync($"{period}/EGY/statement.txt", ArabicReport);
        await azurite.Services.GetRequiredService<SurveyPublisher>().CompileAsync(period, ct);
        var links = (await azurite.Services.GetRequiredService<SurveyLinkService>().GetLatestAsync(period, 5, ct))!.Links;
        var languages = azurite.Services.GetRequiredService<SurveyLanguages>();

        await using var browser = await Browser.LaunchAsync();
        foreach (var language in languages.All)
        {
            var problems = new List<string>();
            var page = await browser.NewPageAsync(problems);
            var link = links.Single(l => l.Language == language.Code);
            await page.GotoAsync(link.Url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });

            Assert.Equal(HtmlSurveyRenderer.FileNameOf(language.Code), link.File);
            Assert.Equal(language.Code, await page.EvaluateAsync<string>("document.documentElement.lang"));
            Assert.Equal(language.Direction, await page.EvaluateAsync<string>("getComputedStyle(document.body).direction"));
            Assert.Equal(language.Direction, await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('#annex th')).direction"));
            Assert.Contains(language.States["NOR"], await page.Locator("#state-NOR").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal(language["heading.global"], await page.Locator("#global h2").TextContentAsync());
            Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('blockquote[lang=ar]')).direction"));
            // A mirrored chart puts its first label in the right half of the figure, a left-to-right one in the left half.
            var labelInRightHalf = await page.EvaluateAsync<bool>(
                "(() => { const svg = document.querySelector('svg').getBoundingClientRect(); const t = document.querySelector('svg text').getBoundingClientRect(); return t.left > svg.left + svg.width / 2; })()");
            Assert.Equal(language.Direction == "rtl", labelInRightHalf);

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Output, $"survey-{language.Code}.png"), FullPage = true });
            var result = await page.RunAxe();
            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
            Assert.True(serious.Count == 0, $"axe found on the {language.Code} survey: {string.Join("; ", serious)}");
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            await page.Context.CloseAsync();
        }

        TestContext.Current.SendDiagnosticMessage($"A screenshot per language (survey-ar.png … survey-es.png) in {Browser.Output}");
    }
}
