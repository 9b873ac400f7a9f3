using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportPipeline.Cli.Serve;
using ReportPipeline.Core.Staff;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.IntegrationTests.Portal;

/// <summary>
/// A caller who writes App Service's principal header themselves (an Entra user holding every role, the provider named
/// Entra), against the HTTP functions hosted as <c>serve</c> hosts them, in every mode where the platform vouches for nobody.
/// </summary>
[Collection(PortalCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ForgedPrincipalTests(PortalFixture portal)
{
    private static readonly Dictionary<string, string?> s_azureWithoutAuthentication = new() { [StaffPlatform.SiteNameSetting] = "func-reportpipeline" };
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Deployments() => new()
    {
        { "AppService", "azure-without-authentication" },
        { "AppService", "local" },
        { "AppService", "azure-with-authentication-but-another-provider" },
        { "Disabled", "azure-with-authentication" },
        { "LocalUser", "azure-without-authentication" },
        { "LocalUser", "azure-with-authentication" },
    };

    [Theory]
    [MemberData(nameof(Deployments))]
    public async Task StaffRoutes_ForgedPrincipal_AreRefusedOnEveryRoute(string mode, string platform)
    {
        var settings = platform switch
        {
            "azure-without-authentication" => s_azureWithoutAuthentication,
            "local" => null,
            _ => PortalFixture.AzureWithAuthentication,
        };
        var provider = platform == "azure-with-authentication-but-another-provider" ? "github" : StaffPlatform.EntraProvider;
        await using var services = portal.CreateServices(mode, platform: settings);
        await using var server = await LocalServer.StartAsync(services, 0, ingest: false, _ => { }, _ct);
        var forged = StaffApiTests.Principal("Mallory", [.. StaffRoles.All]);

        var answers = new List<string>();
        foreach (var (method, path) in StaffApiTests.StaffRoutes().Select(r => r.Data))
        {
            using var client = PortalFixture.Client(server.Url);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.Add(StaffAccess.PrincipalHeader, forged);
            request.Headers.Add(StaffAccess.IdentityProviderHeader, provider);
            using var response = await client.SendAsync(request, _ct);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
            answers.Add($"{method} {path}: {(int)response.StatusCode} {body.GetProperty("error").GetString()}");
        }

        Assert.All(answers, a => Assert.Matches(@": 40[13] (not-signed-in|staff-sign-in-off)$", a));
    }

    [Fact]
    public async Task Compile_OperatorFromAnotherOrigin_IsRefusedButFromTheDeskItselfCompiles()
    {
        var period = AzuriteFixture.NewPeriod();
        var server = portal.AppServiceServer;
        async Task<HttpStatusCode> CompileAsync(string? origin) => (await ApiCall.SendAsync(server.Url, HttpMethod.Post, $"api/surveys/{period}/compile",
            principal: StaffApiTests.Principal("Omar Operator", StaffRoles.PipelineOperate), origin: origin)).Status;

        Assert.Equal(HttpStatusCode.Forbidden, await CompileAsync("https://elsewhere.example"));
        Assert.Equal(HttpStatusCode.Forbidden, await CompileAsync("null"));
        Assert.Equal(HttpStatusCode.OK, await CompileAsync(server.Url.GetLeftPart(UriPartial.Authority)));
        Assert.Equal(HttpStatusCode.OK, await CompileAsync(null));
    }

    [Fact]
    public async Task StaffRefusal_PeriodWithALineBreak_IsLoggedOnOneLine()
    {
        using var client = PortalFixture.Client(portal.AppServiceServer.Url);

        using var response = await client.GetAsync("api/staff/uploads?period=2031%0AStaff%20Ada%20(oid):%20compile", _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var logged = portal.AppServiceServices.GetFakeLogCollector().GetSnapshot().Select(r => r.Message).Where(m => m.Contains("Ada", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(logged);
        Assert.All(logged, m => Assert.DoesNotContain('\n', m));
    }

    [Theory]
    [InlineData("rebound.example", HttpStatusCode.MisdirectedRequest)]
    [InlineData("127.0.0.1.nip.example", HttpStatusCode.MisdirectedRequest)]
    [InlineData("localhost", HttpStatusCode.OK)]
    public async Task LocalServe_RequestNamingAnotherHost_IsRefusedBeforeTheLocalUserIsStaff(string host, HttpStatusCode expected)
    {
        using var client = PortalFixture.Client(portal.Url);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/staff/overview");
        request.Headers.Host = $"{host}:{portal.Url.Port}";

        using var response = await client.SendAsync(request, _ct);

        Assert.Equal(expected, response.StatusCode);
    }
}
