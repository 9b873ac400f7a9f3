using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ReportPipeline.Functions.Web;

namespace ReportPipeline.IntegrationTests.Portal;

/// <summary>The pages as served: the same embedded files at the same paths, with headers that allow only our own scripts.</summary>
[Collection(PortalCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PageTests(PortalFixture portal)
{
    [Theory]
    [InlineData("", "text/html")]
    [InlineData("staff", "text/html")]
    [InlineData("staff/review", "text/html")]
    [InlineData("assets/portal.js", "text/javascript")]
    [InlineData("assets/portal-strings.js", "text/javascript")]
    [InlineData("assets/staff.js", "text/javascript")]
    [InlineData("assets/review.js", "text/javascript")]
    [InlineData("assets/site.css", "text/css")]
    [InlineData("assets/icon.svg", "image/svg+xml")]
    public async Task Get_PagePath_ServesTheEmbeddedFileWithItsTypeAndCsp(string path, string type)
    {
        using var client = portal.Client();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(WebPages.Files[path].Content, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none';", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("assets/../staff.html")]
    [InlineData("index.html")]
    [InlineData("assets/nothing.js")]
    [InlineData("api/nothing")]
    public async Task Get_UnknownPath_Returns404(string path)
    {
        using var client = portal.Client();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Pages_HaveNoInlineScriptOrStyleAndOnlyOwnScripts()
    {
        foreach (var page in new[] { WebPages.Files[""], WebPages.Files["staff"], WebPages.Files["staff/review"] })
        {
            var html = Encoding.UTF8.GetString(page.Content);
            var scripts = Regex.Matches(html, @"<script\b([^>]*)>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase);
            Assert.NotEmpty(scripts);
            Assert.Equal(Regex.Matches(html, @"<script\b", RegexOptions.IgnoreCase).Count, scripts.Count);
            Assert.All(scripts, script =>
            {
                Assert.Matches("\\ssrc=\"/assets/[^\"]+\"", script.Groups[1].Value);
                Assert.Equal("", script.Groups[2].Value.Trim());
            });
            Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
            Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
            Assert.DoesNotMatch("(?i)<style\\b", html);
            Assert.All(Regex.Matches(html, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value), url => Assert.Matches("^/(?!/)", url));
        }

        Assert.DoesNotContain("innerHTML", string.Concat(WebPages.Files.Values.Select(f => Encoding.UTF8.GetString(f.Content))), StringComparison.Ordinal);
    }
}
