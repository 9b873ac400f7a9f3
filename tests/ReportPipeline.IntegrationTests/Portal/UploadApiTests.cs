using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ReportPipeline.Functions.Uploads;

namespace ReportPipeline.IntegrationTests.Portal;

/// <summary>The member states' API over real HTTP on 127.0.0.1: upload slots, and each state's own uploads with what was found in them.</summary>
[Collection(PortalCollection.Name)]
[Trait("Category", "Integration")]
public sealed class UploadApiTests(PortalFixture portal)
{
    public const string TwoQuestionReport = """
        Statement to the Counter-Terrorism Committee.

        (a) Our border agencies lack equipment and trained staff to police the frontier, and the financial intelligence unit is under-resourced.

        (b) Technical assistance from CTED helped us draft terrorist financing legislation; joint training with our neighbours has been effective.
        """;

    private static readonly TimeSpan s_ingestLimit = TimeSpan.FromSeconds(60);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostSlotAsync(string? authorization, string body)
    {
        using var client = portal.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/uploads") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.SendAsync(request, _ct);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_ct));
        return (response.StatusCode, document.RootElement.Clone(), response);
    }

    [Fact]
    public async Task PostUploads_ValidKey_ReturnsCreateOnlyUrlForTheStatesFolder()
    {
        var period = AzuriteFixture.NewPeriod();
        var key = await portal.IssueKeyAsync("KEN");

        var (status, body, response) = await PostSlotAsync($"Bearer {key}", $$"""{"state":"KEN","period":"{{period}}","fileName":"reply.pdf"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith($"{period}/KEN/", body.GetProperty("blobName").GetString(), StringComparison.Ordinal);
        Assert.Contains("sp=c&", body.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task PostUploads_TwentyFirstSlotOfAKeyInAnHour_Returns429InPlainWords()
    {
        var period = AzuriteFixture.NewPeriod();
        var key = await portal.IssueKeyAsync("KEN");

        var statuses = new List<HttpStatusCode>();
        JsonElement refusal = default;
        for (var i = 0; i < 21; i++)
        {
            var (status, body, response) = await PostSlotAsync($"Bearer {key}", $$"""{"state":"KEN","period":"{{period}}","fileName":"part{{i}}.pdf"}""");
            response.Dispose();
            statuses.Add(status);
            refusal = body;
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 20).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.Equal("too-many-slots", refusal.GetProperty("error").GetString());
        Assert.StartsWith("This key has been given as many upload slots as allowed", refusal.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(refusal.TryGetProperty("url", out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer rp_0123456789abcdef_nope")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task PostUploads_NoOrBadKey_Returns401WithoutUrl(string? authorization)
    {
        var (status, body, response) = await PostSlotAsync(authorization, """{"state":"KEN","period":"2026","fileName":"reply.pdf"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("bad-credential", body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("url", out _));
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task PostUploads_KeyOfAnotherState_Returns401()
    {
        var key = await portal.IssueKeyAsync("GHA");

        var (status, _, _) = await PostSlotAsync($"Bearer {key}", $$"""{"state":"KEN","period":"{{AzuriteFixture.NewPeriod()}}","fileName":"reply.pdf"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    public async Task PostUploads_MalformedBody_Returns400(string body)
    {
        var (status, response, _) = await PostSlotAsync("Bearer x", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("bad-request", response.GetProperty("error").GetString());
    }

    [Fact]
    public async Task PostUploads_OversizedBody_Returns400()
    {
        var body = $$"""{"state":"KEN","period":"2026","fileName":"{{new string('a', RequestUploadSlotFunction.MaxBodyBytes)}}"}""";

        var (status, _, _) = await PostSlotAsync("Bearer x", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task GetUploads_AfterAPutToTheSlot_ListsItAcceptedWithPassagesPerQuestionAndTheQuestionsUnanswered()
    {
        var period = AzuriteFixture.NewPeriod();
        var key = await portal.IssueKeyAsync("NOR");

        var blob = await portal.UploadAsync(key, "NOR", period, "statement.txt", Encoding.UTF8.GetBytes(TwoQuestionReport));
        var listing = await portal.WaitForOutcomeAsync(key, period, blob, s_ingestLimit);

        Assert.Equal("NOR", listing.GetProperty("state").GetString());
        Assert.Equal("Norway", listing.GetProperty("stateName").GetString());
        var found = Assert.Single(listing.GetProperty("uploads").EnumerateArray());
        var upload = found.GetProperty("upload");
        Assert.Equal(blob, upload.GetProperty("blobName").GetString());
        Assert.Equal("Accepted", upload.GetProperty("status").GetString());
        Assert.Equal(1, upload.GetProperty("version").GetInt32());
        Assert.True(upload.GetProperty("current").GetBoolean());
        Assert.Equal("cd", found.GetProperty("unanswered").GetString());
        var passages = found.GetProperty("passages").EnumerateArray().ToList();
        Assert.Equal(["a", "b"], passages.Select(p => p.GetProperty("question").GetString()).Distinct());
        Assert.Contains(passages, p => p.GetProperty("text").GetString()!.Contains("lack equipment", StringComparison.Ordinal));
        Assert.All(passages, p => Assert.True(p.GetProperty("provenance")[0].GetProperty("page").GetInt32() == 1 && p.GetProperty("provenance")[0].GetProperty("paragraph").GetInt32() > 1));
    }

    [Fact]
    public async Task GetUploads_TwoStatesInOnePeriod_EachKeyListsOnlyItsOwnState()
    {
        var period = AzuriteFixture.NewPeriod();
        var (france, germany) = (await portal.IssueKeyAsync("FRA"), await portal.IssueKeyAsync("DEU"));
        var ours = await portal.UploadAsync(france, "FRA", period, "ours.txt", Encoding.UTF8.GetBytes(TwoQuestionReport));
        var theirs = await portal.UploadAsync(germany, "DEU", period, "theirs.txt", Encoding.UTF8.GetBytes(TwoQuestionReport.Replace("Our", "The", StringComparison.Ordinal)));
        await portal.WaitForOutcomeAsync(germany, period, theirs, s_ingestLimit);

        var listing = await portal.WaitForOutcomeAsync(france, period, ours, s_ingestLimit);
        using var client = portal.Client(france);
        var asking = await client.GetStringAsync($"api/uploads?period={period}&state=DEU", _ct);

        Assert.Equal([ours], listing.GetProperty("uploads").EnumerateArray().Select(u => u.GetProperty("upload").GetProperty("blobName").GetString()));
        Assert.DoesNotContain("DEU", asking, StringComparison.Ordinal);
        Assert.DoesNotContain("theirs", asking, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer rp_0123456789abcdef_nope")]
    public async Task GetUploads_NoOrBadKey_Returns401AndNothingElse(string? authorization)
    {
        using var client = portal.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/uploads?period={PortalFixture.FirstOpenPeriod}");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"error":"bad-credential","message":"The key is not a valid, unrevoked upload key."}""", await response.Content.ReadAsStringAsync(_ct));
    }

    [Fact]
    public async Task GetUploads_BadPeriod_Returns400()
    {
        using var client = portal.Client(await portal.IssueKeyAsync("ISL"));

        using var response = await client.GetAsync("api/uploads?period=someday", _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad-period", (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task GetPeriods_Anonymous_ListsTheOpenPeriods()
    {
        using var client = portal.Client();

        var body = await client.GetFromJsonAsync<JsonElement>("api/periods", _ct);

        Assert.Equal(AzuriteFixture.OpenPeriods.Split(','), body.GetProperty("open").EnumerateArray().Select(p => p.GetString()));
    }
}
