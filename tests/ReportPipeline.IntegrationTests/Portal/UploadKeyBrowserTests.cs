using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace ReportPipeline.IntegrationTests.Portal;

/// <summary>The staff desk's upload keys in Debian's headless Chromium, served by <c>serve</c>'s server over Azurite, with the keyboard alone.</summary>
[Collection(PortalCollection.Name)]
[Trait("Category", "Browser")]
public sealed class UploadKeyBrowserTests(PortalFixture portal, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _problems = [];

    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>("document.activeElement?.id || document.activeElement?.textContent || ''");

    [Fact]
    public async Task Keys_KeyboardAlone_IssuesAKeyShownOnceWithACopyButtonThenRevokesItAndIsAccessible()
    {
        var page = await chromium.Browser.NewPageAsync(_problems);
        try
        {
            await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = portal.Url.GetLeftPart(UriPartial.Authority) });
            await page.GotoAsync(new Uri(portal.Url, "staff").ToString());
            await page.WaitForSelectorAsync("#keys tbody tr, #no-keys:not([hidden])", new() { State = WaitForSelectorState.Attached });

            await Browser.TabToAsync(page, "#key-state");
            await page.Keyboard.TypeAsync("brb");
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("key-expires", await FocusedAsync(page));
            await page.Keyboard.TypeAsync("06302099");
            Assert.Equal("2099-06-30", await page.InputValueAsync("#key-expires"));
            await Browser.TabToAsync(page, "#key-issue");
            await page.Keyboard.PressAsync("Enter");

            await page.WaitForSelectorAsync("#key-issued:not([hidden])");
            Assert.Equal("key-issued-heading", await FocusedAsync(page));
            var key = await page.InputValueAsync("#key-value");
            Assert.Matches("^rp_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", key);
            var id = key.Substring(3, 16);
            Assert.True(await page.Locator("#key-value").IsEditableAsync() is false, "the key's field is read-only");
            Assert.StartsWith($"Key {id} for BRB, valid until 2099-06-30 00:00 UTC.", await page.TextContentAsync("#key-issued-text"), StringComparison.Ordinal);
            await page.WaitForSelectorAsync($"#keys tr[data-key='{id}'] td[data-status=active]");
            Assert.Equal("2099-06-30 00:00", await page.TextContentAsync($"#keys tr[data-key='{id}'] td:nth-of-type(3)"));
            await Browser.AssertAccessibleAsync(page, "the staff desk showing a new upload key");

            await Browser.TabToAsync(page, "#key-copy");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#key-copy-result >> text=Copied to the clipboard.");
            Assert.Equal(key, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));

            using (var client = portal.Client(key))
            {
                using var slot = await client.PostAsJsonAsync("api/uploads", new { state = "BRB", period = PortalFixture.FirstOpenPeriod.Value, fileName = "reply.txt" }, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, slot.StatusCode);
            }

            await Browser.TabToAsync(page, "#key-hide");
            await page.Keyboard.PressAsync("Enter");
            Assert.True(await page.Locator("#key-issued").IsHiddenAsync());
            Assert.Equal("", await page.InputValueAsync("#key-value"));
            Assert.Equal("key-state", await FocusedAsync(page));

            await Browser.TabToAsync(page, $"#keys tr[data-key='{id}'] button");
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("Yes, revoke", await FocusedAsync(page));
            Assert.Equal("active", await page.TextContentAsync($"#keys tr[data-key='{id}'] td[data-status]"));
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync($"#keys tr[data-key='{id}'] td[data-status=revoked]");
            Assert.Equal($"Key {id} of BRB is revoked: it gets no new upload slot.", await page.TextContentAsync("#key-result"));
            Assert.Equal(0, await page.Locator($"#keys tr[data-key='{id}'] button").CountAsync());
            await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Output, "staff-keys.png"), FullPage = true });

            await page.ReloadAsync();
            await page.WaitForSelectorAsync($"#keys tr[data-key='{id}'] td[data-status=revoked]");
            Assert.DoesNotContain(key[20..], await page.ContentAsync(), StringComparison.Ordinal);
            Assert.Equal("", await page.InputValueAsync("#key-value"));
            await Browser.AssertAccessibleAsync(page, "the staff desk's upload keys");
            Assert.True(_problems.Count == 0, string.Join("\n", _problems));
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
