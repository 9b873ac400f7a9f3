using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Functions.Uploads;

namespace ReportPipeline.IntegrationTests.Uploads;

/// <summary>
/// The HTTP function over a real Azurite. The Functions host is not available here, so the request and response
/// are minimal in-memory HttpRequestData/HttpResponseData; everything behind them is real.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RequestUploadSlotFunctionTests(AzuriteFixture azurite)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpHeadersCollection Headers)> PostAsync(string? authorization, string body)
    {
        var request = new InMemoryRequest(body, authorization);
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

    private sealed class InMemoryRequest(string body, string? authorization) : HttpRequestData(new InMemoryContext())
    {
        public override Stream Body { get; } = new MemoryStream(Encoding.UTF8.GetBytes(body));

        public override HttpHeadersCollection Headers { get; } = authorization is null ? [] : new HttpHeadersCollection { { "Authorization", authorization } };

        public override IReadOnlyCollection<IHttpCookie> Cookies => [];

        public override Uri Url => new("http://127.0.0.1/api/uploads");

        public override IEnumerable<ClaimsIdentity> Identities => [];

        public override string Method => "POST";

        public override HttpResponseData CreateResponse() => new InMemoryResponse(FunctionContext);
    }

    private sealed class InMemoryResponse(FunctionContext context) : HttpResponseData(context)
    {
        public override HttpStatusCode StatusCode { get; set; }

        public override HttpHeadersCollection Headers { get; set; } = [];

        public override Stream Body { get; set; } = new MemoryStream();

        public override HttpCookies Cookies => throw new NotSupportedException();
    }

    private sealed class InMemoryContext : FunctionContext
    {
        public override string InvocationId => "test";

        public override string FunctionId => "RequestUploadSlot";

        public override TraceContext TraceContext => null!;

        public override BindingContext BindingContext => null!;

        public override RetryContext RetryContext => null!;

        public override IServiceProvider InstanceServices { get; set; } = null!;

        public override FunctionDefinition FunctionDefinition => null!;

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

        public override IInvocationFeatures Features => null!;
    }
}
