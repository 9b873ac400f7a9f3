using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Survey;

namespace ReportPipeline.IntegrationTests;

/// <summary>
/// The survey HTML of a hostile report, opened through its staff link in Debian's headless Chromium
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
        var html = links!.Links.Single(l => l.File.EndsWith(".html", StringComparison.Ordinal)).Url;

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
}
