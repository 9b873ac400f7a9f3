using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Cli.Serve;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.IntegrationTests.Portal;

/// <summary>
/// The staff API with App Service Authentication's principal (<c>Staff__Authentication=AppService</c>, as in Azure) and as
/// <c>serve</c> runs it by default (the local user is staff; a principal header is ignored), over real HTTP.
/// </summary>
[Collection(PortalCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StaffApiTests(PortalFixture portal)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly ServiceProvider _services = portal.AppServiceServices;
    private readonly LocalServer _azure = portal.AppServiceServer;

    /// <summary>X-MS-CLIENT-PRINCIPAL as App Service sends it: Base64 JSON with the user's claims, app roles as <c>roles</c>.</summary>
    public static string Principal(string name, params string[] roles) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        claims = new[]
        {
            new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = $"oid-{name}" },
            new { typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", val = name },
        }.Concat(roles.Select(r => new { typ = "roles", val = r })),
    })));

    private static Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(Uri server, HttpMethod method, string path, string? principal) =>
        ApiCall.SendAsync(server, method, path, principal: principal);

    public static TheoryData<string, string> StaffRoutes() => new()
    {
        { "GET", "api/staff/overview" },
        { "GET", $"api/staff/uploads?period={PortalFixture.FirstOpenPeriod}" },
        { "GET", $"api/surveys/{PortalFixture.FirstOpenPeriod}" },
        { "POST", $"api/surveys/{PortalFixture.FirstOpenPeriod}/compile" },
        { "GET", "api/keys" },
        { "POST", "api/keys" },
        { "POST", "api/keys/0123456789abcdef/revoke" },
    };

    [Theory]
    [MemberData(nameof(StaffRoutes))]
    public async Task StaffRoute_AppServiceWithoutPrincipal_Returns401(string method, string path)
    {
        var (status, body) = await SendAsync(_azure.Url, new HttpMethod(method), path, null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("not-signed-in", body.GetProperty("error").GetString());
    }

    [Theory]
    [MemberData(nameof(StaffRoutes))]
    public async Task StaffRoute_AppServicePrincipalWithoutRoles_Returns403(string method, string path)
    {
        var (status, body) = await SendAsync(_azure.Url, new HttpMethod(method), path, Principal("Nobody"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("missing-role", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Compile_AppServiceReaderOnly_Returns403ButOperatorCompilesAndReaderGetsLinks()
    {
        var period = AzuriteFixture.NewPeriod();
        var reader = Principal("Rita Reader", "Surveys.Read");
        var operatorPrincipal = Principal("Omar Operator", "Pipeline.Operate");

        var refused = await SendAsync(_azure.Url, HttpMethod.Post, $"api/surveys/{period}/compile", reader);
        var compiled = await SendAsync(_azure.Url, HttpMethod.Post, $"api/surveys/{period}/compile", operatorPrincipal);
        var links = await SendAsync(_azure.Url, HttpMethod.Get, $"api/surveys/{period}?minutes=5", reader);
        var operatorLinks = await SendAsync(_azure.Url, HttpMethod.Get, $"api/surveys/{period}", operatorPrincipal);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(HttpStatusCode.OK, compiled.Status);
        Assert.True(compiled.Body.GetProperty("published").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, links.Status);
        Assert.Equal(compiled.Body.GetProperty("edition").GetString(), links.Body.GetProperty("edition").GetString());
        var files = links.Body.GetProperty("links").EnumerateArray().Select(l => (l.GetProperty("file").GetString(), l.TryGetProperty("language", out var language) ? language.GetString() : null)).ToList();
        Assert.Equal(8, files.Count);
        Assert.Equal(["ar", "zh", "en", "fr", "ru", "es"], files.Where(f => f.Item2 is not null).Select(f => f.Item2));
        Assert.Contains(("global-implementation-survey.ar.html", "ar"), files);
        Assert.Contains(("global-implementation-survey.json", null), files);
        Assert.Equal(HttpStatusCode.Forbidden, operatorLinks.Status);
        var audit = _services.GetFakeLogCollector().GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains($"Staff Omar Operator (oid-Omar Operator): compile the survey of {period}", audit);
        Assert.Contains($"Staff Rita Reader (oid-Rita Reader): survey links of {period}", audit);
        Assert.Contains($"Staff Rita Reader (oid-Rita Reader) refused: compile the survey of {period} needs Pipeline.Operate", audit);
    }

    [Fact]
    public async Task Overview_AppServiceReader_NamesTheUserAndTheirRoles()
    {
        var (status, body) = await SendAsync(_azure.Url, HttpMethod.Get, "api/staff/overview", Principal("Rita Reader", "Surveys.Read"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Rita Reader", body.GetProperty("user").GetProperty("name").GetString());
        Assert.False(body.GetProperty("user").GetProperty("local").GetBoolean());
        Assert.Equal(["Surveys.Read"], body.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task MemberStateRoutes_AppServiceWithoutPrincipal_StayOpenToStateKeys()
    {
        var key = await portal.IssueKeyAsync("PRT");
        using var client = PortalFixture.Client(_azure.Url, key);

        using var periods = await client.GetAsync("api/periods", _ct);
        using var uploads = await client.GetAsync($"api/uploads?period={PortalFixture.FirstOpenPeriod}", _ct);
        using var page = await client.GetAsync("", _ct);

        Assert.Equal(HttpStatusCode.OK, periods.StatusCode);
        Assert.Equal(HttpStatusCode.OK, uploads.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task SecondServer_OverTheSameEmulator_LetsBothPagesPutReports()
    {
        var properties = await _services.GetRequiredService<StorageClientFactory>().Blobs.GetPropertiesAsync(_ct);

        var origins = properties.Value.Cors.SelectMany(r => r.AllowedOrigins.Split(',')).ToList();
        Assert.Contains(portal.Url.GetLeftPart(UriPartial.Authority), origins);
        Assert.Contains(_azure.Url.GetLeftPart(UriPartial.Authority), origins);
    }

    [Fact]
    public async Task LocalServe_ForgedPrincipalWithoutRoles_IsIgnoredAndTheLocalUserIsStaff()
    {
        var (status, body) = await SendAsync(portal.Url, HttpMethod.Get, "api/staff/overview", Principal("Mallory"));

        Assert.Equal(HttpStatusCode.OK, status);
        var user = body.GetProperty("user");
        Assert.True(user.GetProperty("local").GetBoolean());
        Assert.Equal(Environment.UserName, user.GetProperty("name").GetString());
        Assert.Equal(["Pipeline.Operate", "Reports.Review", "Surveys.Read"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }
}
