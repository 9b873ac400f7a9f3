using System.Text;
using Microsoft.Playwright;

namespace ReportPipeline.IntegrationTests.Portal;

/// <summary>
/// The member-state portal and the staff desk in Debian's headless Chromium, served by <c>serve</c>'s server: a report sent
/// through the file input, PUT by the browser straight to its slot on Azurite (CORS), ingested by the server's watcher.
/// Each test works for a state of its own in the period the portal offers first.
/// </summary>
[Collection(PortalCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PortalBrowserTests(PortalFixture portal, BrowserFixture chromium) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private const float WaitMs = 60_000;
    private readonly List<string> _problems = [];
    private readonly List<string> _requests = [];
    private readonly List<IPage> _pages = [];
    private readonly TempFolder _reports = new("reportpipeline-portal-");

    public async ValueTask DisposeAsync()
    {
        _reports.Dispose();
        foreach (var page in _pages)
        {
            await page.CloseAsync();
        }
    }

    /// <summary>A page in a context of its own, closed (with its context) after the test.</summary>
    private async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var page = await chromium.Browser.NewPageAsync(_problems, locale);
        _pages.Add(page);
        return page;
    }

    private string WriteReport(string name, byte[] content)
    {
        var path = Path.Combine(_reports.Path, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private async Task<IPage> OpenAsync(string locale = "en-US")
    {
        var page = await NewPageAsync(locale);
        page.Request += (_, request) =>
        {
            lock (_requests)
            {
                _requests.Add($"{request.Method} {request.Url}");
            }
        };
        await page.GotoAsync(portal.Url.ToString());
        return page;
    }

    private async Task SignInAsync(IPage page, string key)
    {
        await page.FillAsync("#key", key);
        await page.ClickAsync("#key-form button[type=submit]");
        await page.WaitForSelectorAsync("#upload:not([hidden])");
    }

    private async Task SendAsync(IPage page, string file)
    {
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("#send");
    }

    private void AssertKeyStayedInItsPlace(string key)
    {
        lock (_requests)
        {
            Assert.NotEmpty(_requests);
            Assert.DoesNotContain(_requests, r => r.Contains(key, StringComparison.Ordinal) || r.Contains(Uri.EscapeDataString(key), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Portal_UploadThroughFileInput_ShowsProgressThenAcceptedWithPassagesPerQuestion()
    {
        var key = await portal.IssueKeyAsync("NZL");
        var page = await OpenAsync();
        await SignInAsync(page, key);
        var file = WriteReport("Statement of New Zealand.txt", Encoding.UTF8.GetBytes(UploadApiTests.TwoQuestionReport));

        await SendAsync(page, file);
        await page.WaitForSelectorAsync("#progress-box:not([hidden])");
        await page.WaitForSelectorAsync(".verdict.accepted", new() { Timeout = WaitMs });

        Assert.Equal("100", await page.GetAttributeAsync("#progress", "value") ?? await page.EvalOnSelectorAsync<string>("#progress", "p => String(p.value)"));
        Assert.Equal("Reporting for New Zealand (NZL)", await page.TextContentAsync("#state-line"));
        Assert.Equal("Accepted as version 1", await page.TextContentAsync(".verdict.accepted"));
        Assert.Equal("No answer found for: (c) Adapting the Council\u2019s response; (d) An integrated UN architecture", await page.TextContentAsync(".unanswered"));
        Assert.Contains("lack equipment", await page.TextContentAsync("[data-question=a] blockquote"), StringComparison.Ordinal);
        Assert.Contains("Technical assistance", await page.TextContentAsync("[data-question=b] blockquote"), StringComparison.Ordinal);
        Assert.StartsWith("page 1, paragraph ", await page.TextContentAsync("[data-question=a] .where"), StringComparison.Ordinal);
        Assert.Equal("No answer found for this question.", await page.TextContentAsync("[data-question=c] .no-answer"));
        Assert.Equal("No answer found for this question.", await page.TextContentAsync("[data-question=d] .no-answer"));
        Assert.Equal(["Statement-of-New-Zealand.txt"], await page.EvalOnSelectorAllAsync<string[]>("#uploads tbody tr td:first-child", "cells => cells.map(c => c.textContent)"));
        Assert.Equal("Accepted, version 1 (current)", await page.TextContentAsync("#uploads tbody tr td.accepted"));
        Assert.Equal(key, await page.EvaluateAsync<string>("sessionStorage.getItem('reportpipeline.uploadKey')"));
        Assert.False(await page.EvaluateAsync<bool>($"Object.values(localStorage).some(v => v.includes('{key}'))"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Output, "portal-accepted.png"), FullPage = true });
        await Browser.AssertAccessibleAsync(page, "the portal showing an accepted report");
        AssertKeyStayedInItsPlace(key);
        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
    }

    [Fact]
    public async Task Portal_RefusedFileInFrenchBrowser_ShowsTheReasonAndWhatToDoInFrench()
    {
        var key = await portal.IssueKeyAsync("BEL");
        var page = await OpenAsync("fr-FR");
        await SignInAsync(page, key);

        await SendAsync(page, WriteReport("scan.png", [0x89, .. "PNG\r\n\u001a\n"u8.ToArray(), .. new byte[64]]));
        await page.WaitForSelectorAsync(".verdict.refused", new() { Timeout = WaitMs });

        Assert.Equal("fr", await page.EvaluateAsync<string>("document.documentElement.lang"));
        Assert.Equal("Refusé", await page.TextContentAsync(".verdict.refused"));
        Assert.Equal("unsupported-format", await page.GetAttributeAsync(".verdict.refused", "data-reason"));
        Assert.Equal("Ce type de fichier ne peut pas être lu.", await page.TextContentAsync("#outcome .reason"));
        Assert.Equal("Que faire : Envoyez le rapport en PDF, Word (.docx), HTML, texte ou Markdown.", await page.TextContentAsync("#outcome .next"));
        Assert.StartsWith("Refusé : Ce type de fichier ne peut pas être lu.", await page.TextContentAsync("#uploads tbody td.rejected"), StringComparison.Ordinal);
        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
    }

    [Fact]
    public async Task Portal_ArabicBrowser_IsRightToLeftAndSwitchesToChineseLeftToRight()
    {
        var key = await portal.IssueKeyAsync("JOR");
        var page = await OpenAsync("ar-JO");
        await SignInAsync(page, key);

        Assert.Equal(("ar", "rtl"), (await page.EvaluateAsync<string>("document.documentElement.lang"), await page.EvaluateAsync<string>("document.documentElement.dir")));
        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('main')).direction"));
        Assert.Equal("التقرير المتعلق بالقرار 1373 (2001)", await page.TextContentAsync("h1"));
        Assert.Equal(6, await page.Locator("#language option").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Output, "portal-arabic.png"), FullPage = true });
        await Browser.AssertAccessibleAsync(page, "the portal in Arabic");

        await page.SelectOptionAsync("#language", "zh");

        Assert.Equal(("zh", "ltr"), (await page.EvaluateAsync<string>("document.documentElement.lang"), await page.EvaluateAsync<string>("document.documentElement.dir")));
        Assert.Equal("提交报告", await page.TextContentAsync("#send"));
        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
    }

    [Fact]
    public async Task Portal_KeyboardAlone_SignsInChoosesTheFileSendsItAndReadsTheOutcome()
    {
        var key = await portal.IssueKeyAsync("CHL");
        var file = WriteReport("statement.txt", Encoding.UTF8.GetBytes(UploadApiTests.TwoQuestionReport.Replace("Our", "Chile's", StringComparison.Ordinal)));
        var page = await OpenAsync();
        // Chromium hands a file chooser to Playwright only once told to intercept it, and Playwright tells it when the first
        // listener is added without waiting for the reply. Listened for at the key press (RunAndWaitForFileChooserAsync), the
        // interception and the key race each other inside Chromium, and under load the key wins: headless Chromium opens its own
        // chooser, cancels it unseen, and the wait times out. Listening from the start leaves many round trips between the two.
        var chooser = new TaskCompletionSource<IFileChooser>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.FileChooser += (_, opened) => chooser.TrySetResult(opened);

        Task TabToAsync(string id) => Browser.TabToAsync(page, "#" + id);

        await TabToAsync("key");
        await page.Keyboard.TypeAsync(key);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#upload:not([hidden])");
        await TabToAsync("file");
        Assert.True(await page.EvaluateAsync<bool>("document.hasFocus()"), "the page has no focus, so no key reaches #file");
        Assert.False(chooser.Task.IsCompleted, "a file chooser opened before Enter was pressed on #file");
        await page.Keyboard.PressAsync("Enter");
        var opened = await Task.WhenAny(chooser.Task, Task.Delay(TimeSpan.FromMilliseconds(WaitMs), TestContext.Current.CancellationToken));
        Assert.True(opened == chooser.Task, "Enter on #file opened no file chooser");
        await (await chooser.Task).SetFilesAsync(file);
        await TabToAsync("send");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".verdict.accepted", new() { Timeout = WaitMs });

        Assert.Equal("outcome-heading", await page.EvaluateAsync<string>("document.activeElement?.id ?? ''"));
        Assert.Equal("Accepted as version 1", await page.TextContentAsync(".verdict.accepted"));
        await TabToAsync("forget");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("key", await page.EvaluateAsync<string>("document.activeElement?.id ?? ''"));
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('reportpipeline.uploadKey')"));
        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
    }

    [Fact]
    public async Task Portal_AnotherStatesUploads_AreNeverListed()
    {
        var (ours, theirs) = (await portal.IssueKeyAsync("URY"), await portal.IssueKeyAsync("PRY"));
        var period = PortalFixture.FirstOpenPeriod;
        var their = await portal.UploadAsync(theirs, "PRY", period, "paraguay.txt", Encoding.UTF8.GetBytes(UploadApiTests.TwoQuestionReport));
        var our = await portal.UploadAsync(ours, "URY", period, "uruguay.txt", Encoding.UTF8.GetBytes(UploadApiTests.TwoQuestionReport + "\n\nUruguay."));
        await portal.WaitForOutcomeAsync(theirs, period, their, TimeSpan.FromSeconds(60));
        await portal.WaitForOutcomeAsync(ours, period, our, TimeSpan.FromSeconds(60));
        var page = await OpenAsync();

        await SignInAsync(page, ours);
        await page.WaitForSelectorAsync("#uploads tbody tr");

        Assert.Equal(["uruguay.txt"], await page.EvalOnSelectorAllAsync<string[]>("#uploads tbody tr td:first-child", "cells => cells.map(c => c.textContent)"));
        Assert.DoesNotContain("PRY", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
    }

    [Fact]
    public async Task Portal_WrongKey_SaysSoAndKeepsNothing()
    {
        var page = await OpenAsync("es-ES");

        await page.FillAsync("#key", "rp_0123456789abcdef_not-a-real-key");
        await page.ClickAsync("#key-form button[type=submit]");
        await page.WaitForSelectorAsync("#key-error:not([hidden])");

        Assert.StartsWith("Esta clave no fue aceptada", await page.TextContentAsync("#key-error"), StringComparison.Ordinal);
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('reportpipeline.uploadKey')"));
        await Browser.AssertAccessibleAsync(page, "the portal's sign-in");
    }

    [Fact]
    public async Task StaffDesk_Local_ShowsBannerCoverageUploadsAndCompilesNow()
    {
        var key = await portal.IssueKeyAsync("SWE");
        var blob = await portal.UploadAsync(key, "SWE", PortalFixture.FirstOpenPeriod, "sweden.txt", Encoding.UTF8.GetBytes(UploadApiTests.TwoQuestionReport + "\n\nSweden."));
        await portal.WaitForOutcomeAsync(key, PortalFixture.FirstOpenPeriod, blob, TimeSpan.FromSeconds(60));
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(portal.Url, "staff").ToString());
        await page.WaitForSelectorAsync("#banner:not([hidden])");
        await page.SelectOptionAsync("#period", PortalFixture.FirstOpenPeriod.Value);
        await page.WaitForSelectorAsync($"#uploads tbody tr >> text={blob}");

        await page.ClickAsync("#compile");
        await page.WaitForSelectorAsync("#compile-result >> text=/^(Published edition|Nothing changed)/");
        await page.WaitForSelectorAsync("#links li a");

        StringAssert(await page.TextContentAsync("#banner"), "Local mode: whoever opens this page on 127.0.0.1 is staff");
        Assert.Equal(8, await page.Locator("#links li a").CountAsync());
        Assert.Equal("Arabic العربية: global-implementation-survey.ar.html", await page.Locator("#links li:has(a:text-is('global-implementation-survey.ar.html'))").TextContentAsync());
        Assert.Equal("العربية", await page.Locator("#links li span[lang=ar]").TextContentAsync());
        Assert.Equal(5, await page.Locator("#regions tbody tr").CountAsync());
        var world = await page.EvalOnSelectorAllAsync<string[]>($"#periods tbody tr:has(th:text-is('{PortalFixture.FirstOpenPeriod}')) td", "cells => cells.map(c => c.textContent)");
        Assert.True(int.Parse(world[1], System.Globalization.CultureInfo.InvariantCulture) >= 1, $"coverage row: {string.Join(",", world)}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Output, "staff-desk.png"), FullPage = true });
        await Browser.AssertAccessibleAsync(page, "the staff desk");
        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
    }

    private static void StringAssert(string? actual, string start) => Assert.StartsWith(start, actual, StringComparison.Ordinal);
}
