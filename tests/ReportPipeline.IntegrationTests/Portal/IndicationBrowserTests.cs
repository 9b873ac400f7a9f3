using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;

namespace ReportPipeline.IntegrationTests.Portal;

/// <summary>
/// A state's indications in Debian's headless Chromium, with the keyboard alone: the focal point points to a paragraph for a
/// question with no answer and withdraws a passage, sees both pending, then sees the analyst's decision; the review page lists them.
/// </summary>
[Collection(PortalCollection.Name)]
[Trait("Category", "Browser")]
public sealed class IndicationBrowserTests(PortalFixture portal, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private const float WaitMs = 60_000;
    private readonly List<string> _problems = [];

    private static Task TabToAsync(IPage page, string selector) => Browser.TabToAsync(page, selector);

    [Fact]
    public async Task Portal_KeyboardAlone_PointsAndWithdrawsSeesThemPendingThenTheDecision()
    {
        var period = PortalFixture.FirstOpenPeriod;
        var key = await portal.IssueKeyAsync("ISL");
        var blob = await portal.UploadAsync(key, "ISL", period, "iceland.txt", Encoding.UTF8.GetBytes(UploadApiTests.TwoQuestionReport + "\n\nIceland works with the 1267 Monitoring Team."));
        await portal.WaitForOutcomeAsync(key, period, blob, TimeSpan.FromSeconds(60));
        var page = await chromium.Browser.NewPageAsync(_problems);
        try
        {
            await page.GotoAsync(portal.Url.ToString());
            await TabToAsync(page, "#key");
            await page.Keyboard.TypeAsync(key);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#uploads tbody button");
            await TabToAsync(page, "#uploads tbody button");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#point-d", new() { Timeout = WaitMs });
            Assert.Equal("No answer found for this question.", await page.TextContentAsync("[data-question=d] .no-answer"));

            await TabToAsync(page, "#point-d");
            await page.Keyboard.PressAsync("End");
            Assert.Equal("1.4", await page.EvalOnSelectorAsync<string>("#point-d", "s => s.value"));
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("[data-question=d] [data-indication='d-1.4'] [data-decision=pending]");
            Assert.Equal("indication-status", await page.EvaluateAsync<string>("document.activeElement?.id ?? ''"));
            Assert.Equal("Saved. CTED will look at it; this page shows the decision.", await page.TextContentAsync("#indication-status"));
            Assert.Equal("Waiting for CTED\u2019s decision.", await page.TextContentAsync("[data-indication='d-1.4'] [data-decision]"));
            Assert.Contains("1267 Monitoring Team", await page.TextContentAsync("[data-indication='d-1.4'] blockquote"), StringComparison.Ordinal);

            await TabToAsync(page, "[data-withdraw='a-1.2'] button");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("[data-withdraw='a-1.2'] [data-decision=pending]");
            Assert.Equal("You withdrew the passage on page 1, paragraph 2.", await page.TextContentAsync("[data-withdraw='a-1.2'] p"));
            await Browser.AssertAccessibleAsync(page, "the portal with a paragraph pointed to and a passage withdrawn");

            using (var client = portal.Client())
            {
                var sheet = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"api/review/{period}/ISL", TestContext.Current.CancellationToken);
                using var accepted = await client.PostAsJsonAsync($"api/review/{period}/ISL",
                    new { action = "accept", passage = "d-1.4", revision = sheet.GetProperty("revision").GetInt32() }, TestContext.Current.CancellationToken);
                accepted.EnsureSuccessStatusCode();
            }

            await TabToAsync(page, "#uploads tbody button");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("[data-indication='d-1.4'] [data-decision=accepted]", new() { Timeout = WaitMs });
            Assert.StartsWith("Accepted by CTED on ", await page.TextContentAsync("[data-indication='d-1.4'] [data-decision]"), StringComparison.Ordinal);
            Assert.NotNull(await page.QuerySelectorAsync("[data-withdraw='a-1.2'] [data-decision=pending]"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Output, "portal-indications.png"), FullPage = true });

            await page.GotoAsync(new Uri(portal.Url, $"staff/review?period={period}&state=ISL").ToString());
            await page.WaitForSelectorAsync("#state-indications [data-indication='a-1.2']");
            Assert.Contains("withdraws passage a-1.2", await page.TextContentAsync("#state-indications [data-indication='a-1.2']"), StringComparison.Ordinal);
            Assert.Contains("state, accepted", await page.TextContentAsync("[data-passage='d-1.4'] .where"), StringComparison.Ordinal);
            Assert.Contains("withdrawn by the state", await page.TextContentAsync("[data-passage='a-1.2'] .where"), StringComparison.Ordinal);
            await Browser.AssertAccessibleAsync(page, "the review page with the state's indications");
            Assert.True(_problems.Count == 0, string.Join("\n", _problems));
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
