using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Cli;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Functions.Uploads;

namespace ReportPipeline.IntegrationTests.Uploads;

/// <summary>
/// The HTTP function over a real Azurite. The Functions host is not available here, so the request and response
/// are the CLI's in-memory HttpRequestData/HttpResponseData; everything behind them is real.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RequestUploadSlotFunctionTests(AzuriteFixture azurite)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpHeadersCollection Headers)> PostAsync(string? authorization, string body)
    {
        var request = new LocalHttpRequest("POST", new Uri("http://127.0.0.1/api/uploads"), body, authorization);
        var response = await azurite.Services.GetRequiredService<RequestUploadSlotFunction>().RunAsync(request, _ct);
        response.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(response.Body, cancellationToken: _ct);
        return (response.StatusCode, document.RootElement.Clone(), response.Headers);
    }

    [Fact]
    public async Task RunAsync_ValidKey_ReturnsCreateOnlyUrlForTheStatesFolder()
    {
        var period = AzuriteFixture.NewPeriod();
        var key = (await azurite.Services.GetRequiredService<CredentialService>().IssueAsync("KEN", _ct)).Key;

        var (status, body, headers) = await PostAsync($"Bearer {key}", $$"""{"state":"KEN","period":"{{period}}","fileName":"reply.pdf"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith($"{period}/KEN/", body.GetProperty("blobName").GetString(), StringComparison.Ordinal);
        Assert.Contains("sp=c&", body.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("no-store", headers.GetValues("Cache-Control").Single());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer rp_0123456789abcdef_nope")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task RunAsync_NoOrBadKey_Returns401WithoutUrl(string? authorization)
    {
        var (status, body, _) = await PostAsync(authorization, """{"state":"KEN","period":"2026","fileName":"reply.pdf"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("bad-credential", body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("url", out _));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    public async Task RunAsync_MalformedBody_Returns400(string body)
    {
        var (status, response, _) = await PostAsync("Bearer x", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("bad-request", response.GetProperty("error").GetString());
    }

    [Fact]
    public async Task RunAsync_OversizedBody_Returns400()
    {
        var body = $$"""{"state":"KEN","period":"2026","fileName":"{{new string('a', RequestUploadSlotFunction.MaxBodyBytes)}}"}""";

        var (status, _, _) = await PostAsync("Bearer x", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}
