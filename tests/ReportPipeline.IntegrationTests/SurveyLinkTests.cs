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

    /// <summary>Two files of one edition; returns their blob names.</summary>
    private async Task<(string Html, string Json)> PublishTwoFilesAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = AzuriteFixture.NewPeriod();
        var container = Clients.Blobs.GetBlobContainerClient(SurveyLinkService.Container);
        var html = SurveyLinkService.BlobName(period, "20261101T000000Z", "global-implementation-survey.html");
        var json = SurveyLinkService.BlobName(period, "20261101T000000Z", "global-implementation-survey.json");
        await container.GetBlobClient(html).UploadAsync(BinaryData.FromString("<p>survey</p>"), ct);
        await container.GetBlobClient(json).UploadAsync(BinaryData.FromString("{\"confidential\":true}"), ct);
        return (html, json);
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
    public async Task IssueReadLinkAsync_LinkReachesItsExpiry_ServesThenRefuses()
    {
        var ct = TestContext.Current.CancellationToken;
        var (html, _) = await PublishTwoFilesAsync();
        var lifetime = TimeSpan.FromMinutes(1);
        var remaining = TimeSpan.FromSeconds(4);
        // The issuer's clock runs behind so that a one-minute link has seconds left on Azurite's real clock.
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow() - lifetime + remaining);
        var sut = new BlobLinkIssuer(Clients, clock);

        var link = await sut.IssueReadLinkAsync(SurveyLinkService.Container, html, lifetime, ct);
        var before = await GetAsync(link);
        await Task.Delay(remaining + TimeSpan.FromSeconds(2), ct);
        var after = await GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.Forbidden, after);
    }

    [Fact]
    public async Task IssueReadLinkAsync_ExpiryInThePast_Refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var (html, _) = await PublishTwoFilesAsync();
        var sut = new BlobLinkIssuer(Clients, new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddHours(-3)));

        var link = await sut.IssueReadLinkAsync(SurveyLinkService.Container, html, TimeSpan.FromMinutes(60), ct);

        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(link));
    }

    [Fact]
    public async Task IssueReadLinkAsync_TamperedLink_Refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var (html, _) = await PublishTwoFilesAsync();
        var sut = new BlobLinkIssuer(Clients, TimeProvider.System);
        var link = await sut.IssueReadLinkAsync(SurveyLinkService.Container, html, TimeSpan.FromMinutes(5), ct);
        var query = HttpUtility.ParseQueryString(link.Query);
        var signature = query["sig"]!;
        var flipped = (signature[0] == 'A' ? 'B' : 'A') + signature[1..];

        Assert.Equal(HttpStatusCode.OK, await GetAsync(link));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(With(link, "sig", flipped)));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(With(link, "se", TimeProvider.System.GetUtcNow().AddDays(30).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(With(link, "sp", "rwdl")));
    }

    [Fact]
    public async Task IssueReadLinkAsync_LinkToOneFile_CannotReadAnotherOrWrite()
    {
        var ct = TestContext.Current.CancellationToken;
        var (html, json) = await PublishTwoFilesAsync();
        var sut = new BlobLinkIssuer(Clients, TimeProvider.System);
        var link = await sut.IssueReadLinkAsync(SurveyLinkService.Container, html, TimeSpan.FromMinutes(5), ct);
        var other = new Uri(link.GetLeftPart(UriPartial.Path).Replace(html, json, StringComparison.Ordinal) + link.Query);
        var container = new Uri(link.GetLeftPart(UriPartial.Path)[..link.GetLeftPart(UriPartial.Path).IndexOf("/" + html, StringComparison.Ordinal)] + link.Query + "&restype=container&comp=list");

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
        var sut = new SurveyLinkService(surveys, new BlobLinkIssuer(Clients, clock), options, clock);

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
