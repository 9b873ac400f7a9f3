using System.Net;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Survey;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.IntegrationTests;

/// <summary>Staff links against Azurite's real SAS checks: lifetime, signature, scope and permissions.</summary>
[Trait("Category", "Integration")]
public sealed class SurveyLinkTests(AzuriteFixture azurite) : IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private StorageClientFactory Clients => azurite.Services.GetRequiredService<StorageClientFactory>();

    /// <summary>An edition of two files, published through the store.</summary>
    private async Task<SurveyEdition> PublishTwoFilesAsync()
    {
        var edition = new SurveyEdition(AzuriteFixture.NewPeriod(), "20261101T000000Z", "00", TimeProvider.System.GetUtcNow(), TimeProvider.System.GetUtcNow(), 0,
            ["global-implementation-survey.html", "global-implementation-survey.json"]);
        await azurite.Services.GetRequiredService<ISurveyStore>().PublishAsync(edition,
            [new SurveyFile(edition.Files[0], "text/html", "<p>survey</p>"u8.ToArray()), new SurveyFile(edition.Files[1], "application/json", "{\"confidential\":true}"u8.ToArray())],
            TestContext.Current.CancellationToken);
        return edition;
    }

    /// <summary>The read-only link to the edition's HTML file, issued at <paramref name="clock"/>'s time.</summary>
    private async Task<Uri> LinkToHtmlAsync(SurveyEdition edition, TimeProvider clock, TimeSpan lifetime)
    {
        var links = await new BlobSurveyStore(Clients, clock).IssueReadLinksAsync(edition, lifetime, TestContext.Current.CancellationToken);
        Assert.Equal(edition.Files, links.Select(l => l.File));
        return links[0].Url;
    }

    private static Uri With(Uri link, string parameter, string value)
    {
        var builder = new UriBuilder(link);
        var query = HttpUtility.ParseQueryString(builder.Query);
        query[parameter] = value;
        builder.Query = query.ToString();
        return builder.Uri;
    }

    private async Task<HttpStatusCode> GetAsync(Uri url) => (await _http.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode;

    [Fact]
    public async Task IssueReadLinksAsync_LinkReachesItsExpiry_ServesThenRefuses()
    {
        var ct = TestContext.Current.CancellationToken;
        var edition = await PublishTwoFilesAsync();
        var lifetime = TimeSpan.FromMinutes(1);

        // Azurite checks the expiry on the real clock, so this test lives in real time: the issuer's clock runs behind so
        // that a one-minute link has seconds left there. The first answer proves something only if it came back before
        // the expiry; when a busy machine was slower than that, try again with twice the seconds.
        for (var left = TimeSpan.FromSeconds(2); ; left *= 2)
        {
            var link = await LinkToHtmlAsync(edition, new FakeTimeProvider(TimeProvider.System.GetUtcNow() - lifetime + left), lifetime);
            var expiry = DateTimeOffset.Parse(HttpUtility.ParseQueryString(link.Query)["se"]!, System.Globalization.CultureInfo.InvariantCulture);
            var before = await GetAsync(link);
            var answered = TimeProvider.System.GetUtcNow();
            if (answered >= expiry)
            {
                Assert.True(left < TimeSpan.FromMinutes(1), $"a request took over {left.TotalSeconds} s");
                continue;
            }

            await Task.Delay(expiry - answered + TimeSpan.FromSeconds(1), ct);
            var after = await GetAsync(link);

            Assert.Equal(HttpStatusCode.OK, before);
            Assert.Equal(HttpStatusCode.Forbidden, after);
            return;
        }
    }

    [Fact]
    public async Task IssueReadLinksAsync_ExpiryInThePast_Refused()
    {
        var edition = await PublishTwoFilesAsync();

        var link = await LinkToHtmlAsync(edition, new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddHours(-3)), TimeSpan.FromMinutes(60));

        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(link));
    }

    [Fact]
    public async Task IssueReadLinksAsync_TamperedLink_Refused()
    {
        var link = await LinkToHtmlAsync(await PublishTwoFilesAsync(), TimeProvider.System, TimeSpan.FromMinutes(5));
        var query = HttpUtility.ParseQueryString(link.Query);
        var signature = query["sig"]!;
        var flipped = (signature[0] == 'A' ? 'B' : 'A') + signature[1..];

        Assert.Equal(HttpStatusCode.OK, await GetAsync(link));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(With(link, "sig", flipped)));
        var later = TimeProvider.System.GetUtcNow().AddDays(30).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(With(link, "se", later)));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(With(link, "sp", "rwdl")));
    }

    [Fact]
    public async Task IssueReadLinksAsync_LinkToOneFile_CannotReadAnotherOrWrite()
    {
        var ct = TestContext.Current.CancellationToken;
        var edition = await PublishTwoFilesAsync();
        var (html, json) = (edition.Files[0], edition.Files[1]);
        var link = await LinkToHtmlAsync(edition, TimeProvider.System, TimeSpan.FromMinutes(5));
        var other = new Uri(link.GetLeftPart(UriPartial.Path).Replace(html, json, StringComparison.Ordinal) + link.Query);
        var path = link.GetLeftPart(UriPartial.Path);
        var container = new Uri(path[..path.IndexOf($"/{edition.Period}/", StringComparison.Ordinal)] + link.Query + "&restype=container&comp=list");

        using var put = new HttpRequestMessage(HttpMethod.Put, link) { Content = new StringContent("<script>alert(1)</script>") };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        var write = await _http.SendAsync(put, ct);
        var delete = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, link), ct);

        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(other));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(container));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("<p>survey</p>", await _http.GetStringAsync(link, ct));
    }

    [Fact]
    public async Task GetLatestAsync_LifetimeAboveCeiling_CappedAtMaxMinutes()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = AzuriteFixture.NewPeriod();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        clock.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - (clock.GetUtcNow().UtcTicks % TimeSpan.TicksPerSecond) + 2_500_000));
        var surveys = azurite.Services.GetRequiredService<ISurveyStore>();
        await surveys.PublishAsync(new SurveyEdition(period, "20261101T000000Z", "00", clock.GetUtcNow(), clock.GetUtcNow(), 0, ["a.html"]),
            [new SurveyFile("a.html", "text/html", "<p>a</p>"u8.ToArray())], ct);
        var options = Options.Create(new LinkOptions { DefaultMinutes = 60, MaxMinutes = 90 });
        var sut = new SurveyLinkService(new BlobSurveyStore(Clients, clock), options, clock);

        var capped = await sut.GetLatestAsync(period, 100_000, ct);
        var byDefault = await sut.GetLatestAsync(period, null, ct);
        var missing = await sut.GetLatestAsync(AzuriteFixture.NewPeriod(), null, ct);

        var link = Assert.Single(capped!.Links);
        var expected = clock.GetUtcNow().AddMinutes(90);
        expected = expected.AddTicks(-(expected.UtcTicks % TimeSpan.TicksPerSecond));
        Assert.Equal(expected, link.ExpiresAt);
        Assert.Equal(expected, DateTimeOffset.Parse(HttpUtility.ParseQueryString(link.Url.Query)["se"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.AddMinutes(-30), Assert.Single(byDefault!.Links).ExpiresAt);
        Assert.Equal("r", HttpUtility.ParseQueryString(link.Url.Query)["sp"]);
        Assert.Equal("<p>a</p>", await _http.GetStringAsync(link.Url, ct));
        Assert.Null(missing);
    }
}
