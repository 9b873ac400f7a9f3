using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;

namespace ReportPipeline.IntegrationTests.Portal;

/// <summary>The staff desk's review page in Debian's headless Chromium, served by <c>serve</c>'s server over Azurite, used with the keyboard alone, and told of another analyst's decision.</summary>
[Collection(PortalCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ReviewBrowserTests(PortalFixture portal, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private const float WaitMs = 60_000;
    private readonly List<string> _problems = [];

    /// <summary>Tabs forward until the element matching <paramref name="selector"/> has the focus, as a keyboard user would.</summary>
    internal static async Task TabToAsync(IPage page, string selector)
    {
        var script = $"document.activeElement?.matches({System.Text.Json.JsonSerializer.Serialize(selector)}) ?? false";
        for (var i = 0; i < 80 && !await page.EvaluateAsync<bool>(script); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await page.EvaluateAsync<bool>(script), $"Tab never reached {selector}");
    }

    [Fact]
    public async Task Review_KeyboardAlone_RejectsAddsMarksReviewedAndIsAccessible()
    {
        var period = PortalFixture.FirstOpenPeriod;
        var key = await portal.IssueKeyAsync("FIN");
        var blob = await portal.UploadAsync(key, "FIN", period, "finland.txt", Encoding.UTF8.GetBytes(UploadApiTests.TwoQuestionReport + "\n\nFinland."));
        await portal.WaitForOutcomeAsync(key, period, blob, TimeSpan.FromSeconds(60));
        var page = await chromium.Browser.NewPageAsync(_problems);
        try
        {
            await page.GotoAsync(new Uri(portal.Url, $"staff/review?period={period}").ToString());
            await page.WaitForSelectorAsync("#states button[data-state=FIN]");
            Assert.Equal("machine", await page.TextContentAsync("#states tr:has(button[data-state=FIN]) td[data-status]"));

            await TabToAsync(page, "button[data-state=FIN]");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#sheet:not([hidden]) [data-passage='a-1.2']");
            Assert.Equal("sheet-heading", await page.EvaluateAsync<string>("document.activeElement?.id ?? ''"));
            Assert.Contains("Technical assistance", await page.TextContentAsync("[data-question=b] [data-passage='b-1.3'] blockquote"), StringComparison.Ordinal);

            // Another analyst decides on the revision the page shows: the page's first decision is refused and the report reloaded.
            using (var client = portal.Client())
            {
                using var other = await client.PostAsJsonAsync($"api/review/{period}/FIN", new { action = "accept", passage = "b-1.3", revision = 0 }, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            }

            await TabToAsync(page, "[data-passage='a-1.2'] button[data-action=reject]");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#problem:not([hidden])");
            Assert.StartsWith("Another analyst saved a decision on FIN", await page.TextContentAsync("#problem[role=alert]"), StringComparison.Ordinal);
            await page.WaitForSelectorAsync("#sheet-status >> text=/Revision 1\\.$/");
            Assert.Equal("b-1.3: page 1, paragraph 3; machine, accepted", await page.TextContentAsync("[data-passage='b-1.3'] .where"));
            Assert.EndsWith("machine, pending", await page.TextContentAsync("[data-passage='a-1.2'] .where"), StringComparison.Ordinal);

            await TabToAsync(page, "[data-passage='a-1.2'] button[data-action=reject]");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("[data-passage='a-1.2'].decision-rejected");
            Assert.True(await page.Locator("#problem").IsHiddenAsync());

            await TabToAsync(page, "select[data-add=c]");
            await page.Keyboard.TypeAsync("1.3");
            Assert.Equal("1.3", await page.EvalOnSelectorAsync<string>("select[data-add=c]", "s => s.value"));
            await TabToAsync(page, "[data-question=c] .add button[data-action=add]");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("[data-question=c] [data-passage='c-1.3'].decision-accepted");

            await TabToAsync(page, "#done");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#sheet-status >> text=/^Status: reviewed/");
            await page.WaitForSelectorAsync("#states tr:has(button[data-state=FIN]) td[data-status=reviewed]");

            Assert.Equal("reviewed", await page.TextContentAsync("#states tr:has(button[data-state=FIN]) td[data-status]"));
            Assert.Equal("c-1.3: page 1, paragraph 3; analyst, accepted", await page.TextContentAsync("[data-passage='c-1.3'] .where"));
            Assert.True(await page.Locator("#problem").IsHiddenAsync());
            var screenshot = Path.Combine(Browser.Output, "review-desk.png");
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            await PortalBrowserTests.AssertAccessibleAsync(page, "the review page");
            // The browser logs the refused decision's 409 as a failed load; nothing else may go wrong.
            Assert.Contains("status of 409 (Conflict)", Assert.Single(_problems), StringComparison.Ordinal);
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
