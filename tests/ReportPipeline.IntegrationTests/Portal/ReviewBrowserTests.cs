using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace ReportPipeline.IntegrationTests.Portal;

/// <summary>
/// The staff desk's review page in Debian's headless Chromium, served by <c>serve</c>'s server over Azurite, used with the keyboard
/// alone, and told of another analyst's decision: passages decided, a note kept through a conflict, the agreement table, the search box.
/// </summary>
[Collection(PortalCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ReviewBrowserTests(PortalFixture portal, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private const float WaitMs = 60_000;
    private readonly List<string> _problems = [];

    private static Task TabToAsync(IPage page, string selector) => Browser.TabToAsync(page, selector);

    [Fact]
    public async Task Review_KeyboardAlone_NoteKeptThroughConflictCopyAgreementAndSearch()
    {
        const string note = "Ask about the <b>2025</b> law.\nAnd the Nordic training.";
        var period = AzuriteFixture.NewPeriod();
        var key = await portal.IssueKeyAsync("DNK");
        var blob = await portal.UploadAsync(key, "DNK", period, "denmark.txt", Encoding.UTF8.GetBytes(UploadApiTests.TwoQuestionReport + "\n\nDenmark."));
        await portal.WaitForOutcomeAsync(key, period, blob, TimeSpan.FromSeconds(60));
        var page = await chromium.Browser.NewPageAsync(_problems);
        try
        {
            await page.GotoAsync(new Uri(portal.Url, $"staff/review?period={period}&state=DNK").ToString());
            await page.WaitForSelectorAsync("#sheet:not([hidden]) [data-passage='b-1.3']");
            await page.WaitForSelectorAsync("#no-agreement:not([hidden])");
            Assert.Equal(0, await page.Locator("#agreement tbody tr").CountAsync());

            // The analyst types a note; another analyst's decision is stored first, so the save is refused and the note stays, unsaved.
            await TabToAsync(page, "#note-b");
            await page.Keyboard.TypeAsync(note);
            using (var client = portal.Client())
            {
                using var other = await client.PostAsJsonAsync($"api/review/{period}/DNK", new { action = "accept", passage = "a-1.2", revision = 0 }, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            }

            await TabToAsync(page, "[data-question=b] button[data-action=note]");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#problem:not([hidden])");
            Assert.StartsWith($"{Environment.UserName} saved a decision on DNK {period} first", await page.TextContentAsync("#problem[role=alert]"), StringComparison.Ordinal);
            await page.WaitForSelectorAsync("#sheet-status >> text=/Revision 1\\.$/");
            Assert.EndsWith("machine, accepted", await page.TextContentAsync("[data-passage='a-1.2'] .where"), StringComparison.Ordinal);
            Assert.Equal(note, await page.InputValueAsync("#note-b"));
            Assert.Equal("Not saved yet.", await page.TextContentAsync("#note-b-state"));

            await TabToAsync(page, "[data-question=b] button[data-action=note]");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#sheet-status >> text=/Revision 2\\.$/");
            Assert.Equal(note, await page.InputValueAsync("#note-b"));
            Assert.Equal("", await page.TextContentAsync("#note-b-state"));
            Assert.True(await page.Locator("#problem").IsHiddenAsync());
            using (var client = portal.Client())
            {
                using var stored = JsonDocument.Parse(await client.GetStringAsync($"api/review/{period}/DNK", TestContext.Current.CancellationToken));
                Assert.Equal(note, stored.RootElement.GetProperty("questions").GetProperty("b").GetProperty("note").GetString());
            }

            // Copy (b)'s passage to (d): accepted under both.
            await Browser.ChooseAsync(page, "[data-passage='b-1.3'] select", "d");
            await TabToAsync(page, "[data-passage='b-1.3'] button[data-action=copy]");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("[data-question=d] [data-passage='d-1.3'].decision-accepted");
            Assert.EndsWith("machine, accepted", await page.TextContentAsync("[data-passage='b-1.3'] .where"), StringComparison.Ordinal);

            await TabToAsync(page, "#done");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#sheet-status >> text=/^Status: reviewed/");

            // Agreement: (a) and (b) the machine's, accepted; (d) accepted, but the machine had not put it there.
            await page.WaitForSelectorAsync("#agreement tr[data-agreement='en-d']");
            var rows = await page.Locator("#agreement tbody tr").EvaluateAllAsync<string[]>(
                "rows => rows.map(r => [...r.cells].map(c => c.textContent).join('|'))");
            Assert.Equal(
            [
                "English (en)|(a)|1|1|1.00|1|1.00",
                "English (en)|(b)|1|1|1.00|1|1.00",
                "English (en)|(d)|0|0|\u2013|1|0.00",
            ], rows);
            Assert.True(await page.Locator("#no-agreement").IsHiddenAsync());

            // Search with the keyboard: words in other case, this period, question (d); the count is announced.
            await TabToAsync(page, "#search-q");
            await page.Keyboard.TypeAsync("TECHNICAL assistance");
            await Browser.ChooseAsync(page, "#search-period", period.Value);
            await Browser.ChooseAsync(page, "#search-question", "d");
            await TabToAsync(page, "#search button[type=submit]");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#search-summary >> text=/^Found/");
            Assert.Equal("status", await page.GetAttributeAsync("#search-summary", "role"));
            Assert.Equal($"Found 1 passage holding \u201cTECHNICAL assistance\u201d in {period}, of 1 searched.", await page.TextContentAsync("#search-summary"));
            var hit = page.Locator($"#search-hits li[data-hit='{period}/DNK/d-1.3']");
            Assert.Equal(1, await page.Locator("#search-hits li").CountAsync());
            Assert.StartsWith("Denmark (DNK), " + period + ": question (d), English (en), page 1, paragraph 3; reviewed", await hit.Locator(".where").TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains("Technical assistance from CTED", await hit.Locator("blockquote").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal($"/staff/review?period={period}&state=DNK#d-1.3", await hit.Locator("a").GetAttributeAsync("href"));

            await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Output, "review-desk.png"), FullPage = true });
            await Browser.AssertAccessibleAsync(page, "the review page with a note, a copy, the agreement and search results");

            // The hit's link opens the review page on its state and passage.
            await TabToAsync(page, $"#search-hits li[data-hit='{period}/DNK/d-1.3'] a");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync($"**/staff/review?period={period}&state=DNK#d-1.3");
            await page.WaitForSelectorAsync("#sheet:not([hidden]) [data-question=d] [data-passage='d-1.3']");
            Assert.Contains("(DNK)", await page.TextContentAsync("#sheet-heading"), StringComparison.Ordinal);
            Assert.Contains("status of 409 (Conflict)", Assert.Single(_problems), StringComparison.Ordinal);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Review_KeyboardAlone_RejectsAddsMarksReviewedAndIsAccessible()
    {
        // A period of its own: the page lists every report of the period, and the portal's first period holds every other test's.
        var period = AzuriteFixture.NewPeriod();
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
            Assert.StartsWith($"{Environment.UserName} saved a decision on FIN {period} first", await page.TextContentAsync("#problem[role=alert]"), StringComparison.Ordinal);
            await page.WaitForSelectorAsync("#sheet-status >> text=/Revision 1\\.$/");
            Assert.Equal("b-1.3: page 1, paragraph 3; machine, accepted", await page.TextContentAsync("[data-passage='b-1.3'] .where"));
            Assert.EndsWith("machine, pending", await page.TextContentAsync("[data-passage='a-1.2'] .where"), StringComparison.Ordinal);

            await TabToAsync(page, "[data-passage='a-1.2'] button[data-action=reject]");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("[data-passage='a-1.2'].decision-rejected");
            Assert.True(await page.Locator("#problem").IsHiddenAsync());

            await Browser.ChooseAsync(page, "select[data-add=c]", "1.3");
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
            await Browser.AssertAccessibleAsync(page, "the review page");
            // The browser logs the refused decision's 409 as a failed load; nothing else may go wrong.
            Assert.Contains("status of 409 (Conflict)", Assert.Single(_problems), StringComparison.Ordinal);
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
