using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Cli.Serve;
using ReportPipeline.Core.Staff;
using ReportPipeline.Functions.Http;

namespace ReportPipeline.IntegrationTests.Portal;

/// <summary>
/// The staff desk's upload keys over real HTTP, as in Azure (App Service Authentication's principal, the platform saying it is on):
/// an operator issues, lists and revokes; the key issued works at the portal's upload API until revoked; others are refused.
/// </summary>
[Collection(PortalCollection.Name)]
[Trait("Category", "Integration")]
public sealed class UploadKeyApiTests(PortalFixture portal)
{
    private static readonly string s_operator = StaffApiTests.Principal("Kim Keyholder", StaffRoles.PipelineOperate);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly LocalServer _azure = portal.AppServiceServer;

    private Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? principal, object? body = null, string? origin = null) =>
        ApiCall.SendAsync(_azure.Url, method, path, body, principal, origin: origin);

    private async Task<HttpStatusCode> AskForSlotAsync(string key, string state)
    {
        using var client = PortalFixture.Client(_azure.Url, key);
        using var response = await client.PostAsJsonAsync("api/uploads", new { state, period = PortalFixture.FirstOpenPeriod.Value, fileName = "reply.txt" }, _ct);
        return response.StatusCode;
    }

    private static JsonElement Listed(JsonElement list, string id) => list.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);

    [Fact]
    public async Task Operator_IssuesAKeyThePortalAcceptsListsItWithoutSecretThenRevokesItAndThePortalRefusesIt()
    {
        var (issuedStatus, issued) = await SendAsync(HttpMethod.Post, "api/keys", s_operator, new { state = "mng", expires = "2099-06-30" }, _azure.Url.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, issuedStatus);
        var key = issued.GetProperty("key").GetString()!;
        var id = issued.GetProperty("id").GetString()!;
        Assert.Equal("MNG", issued.GetProperty("state").GetString());
        Assert.StartsWith($"rp_{id}_", key, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2099, 6, 30, 0, 0, 0, TimeSpan.Zero), issued.GetProperty("expiresAt").GetDateTimeOffset());

        Assert.Equal(HttpStatusCode.OK, await AskForSlotAsync(key, "MNG"));
        var (listStatus, list) = await SendAsync(HttpMethod.Get, "api/keys?state=MNG", s_operator);
        Assert.Equal(HttpStatusCode.OK, listStatus);
        var listed = Listed(list, id);
        Assert.Equal("active", listed.GetProperty("status").GetString());
        Assert.Equal(1, listed.GetProperty("slotsLastDay").GetInt32());
        Assert.True(listed.TryGetProperty("lastSlotAt", out _));
        Assert.Equal(["id", "state", "issuedAt", "expiresAt", "status", "lastSlotAt", "slotsLastHour", "slotsLastDay"], listed.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(key[(4 + id.Length)..], list.GetRawText(), StringComparison.Ordinal);
        var (allStatus, all) = await SendAsync(HttpMethod.Get, "api/keys", s_operator);
        Assert.Equal(HttpStatusCode.OK, allStatus);
        Assert.Equal("MNG", Listed(all, id).GetProperty("state").GetString());

        var (revokedStatus, revoked) = await SendAsync(HttpMethod.Post, $"api/keys/{id}/revoke", s_operator, origin: _azure.Url.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, revokedStatus);
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, await AskForSlotAsync(key, "MNG"));
        var (againStatus, again) = await SendAsync(HttpMethod.Post, $"api/keys/{id}/revoke", s_operator);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal(revoked.GetProperty("revokedAt").GetDateTimeOffset(), again.GetProperty("revokedAt").GetDateTimeOffset());

        var logged = portal.AppServiceServices.GetFakeLogCollector().GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains("Staff Kim Keyholder (oid-Kim Keyholder): issue an upload key for mng until 2099-06-30", logged);
        Assert.Contains("Staff Kim Keyholder (oid-Kim Keyholder): list the upload keys of MNG", logged);
        Assert.Contains($"Staff Kim Keyholder (oid-Kim Keyholder): revoke upload key {id}", logged);
        Assert.Contains($"Issued upload credential {id} to MNG", logged);
        Assert.DoesNotContain(logged, m => m.Contains(key[(4 + id.Length)..], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GET", "api/keys")]
    [InlineData("POST", "api/keys")]
    [InlineData("POST", "api/keys/0123456789abcdef/revoke")]
    public async Task Reader_WithoutPipelineOperate_IsRefusedInPlainWords(string method, string path)
    {
        var reviewer = StaffApiTests.Principal("Rita Reader", StaffRoles.SurveysRead, StaffRoles.ReportsReview);

        var (status, body) = await SendAsync(new HttpMethod(method), path, reviewer, method == "POST" ? new { state = "BTN" } : null);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("missing-role", body.GetProperty("error").GetString());
        Assert.Equal("This needs the app role Pipeline.Operate; ask the app's owner to assign it to you.", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Reader_IsGivenNoKey_AndNoneIsStored()
    {
        var (status, _) = await SendAsync(HttpMethod.Post, "api/keys", StaffApiTests.Principal("Rita Reader", StaffRoles.SurveysRead), new { state = "BTN" });
        var (_, list) = await SendAsync(HttpMethod.Get, "api/keys?state=BTN", s_operator);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Empty(list.GetProperty("keys").EnumerateArray());
    }

    [Theory]
    [InlineData("https://elsewhere.example")]
    [InlineData("null")]
    public async Task Operator_FromAnotherOrigin_IsRefusedAndNothingChanges(string origin)
    {
        var (issuedStatus, issued) = await SendAsync(HttpMethod.Post, "api/keys", s_operator, new { state = "NPL" });
        var id = issued.GetProperty("id").GetString()!;

        var (issue, issueBody) = await SendAsync(HttpMethod.Post, "api/keys", s_operator, new { state = "NPL" }, origin);
        var (revoke, _) = await SendAsync(HttpMethod.Post, $"api/keys/{id}/revoke", s_operator, origin: origin);
        var (_, list) = await SendAsync(HttpMethod.Get, "api/keys?state=NPL", s_operator);

        Assert.Equal(HttpStatusCode.OK, issuedStatus);
        Assert.Equal(HttpStatusCode.Forbidden, issue);
        Assert.Equal("cross-origin", issueBody.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, revoke);
        Assert.Contains(list.GetProperty("keys").EnumerateArray(), k => k.GetProperty("id").GetString() == id && k.GetProperty("status").GetString() == "active");
        Assert.Equal(HttpStatusCode.OK, await AskForSlotAsync(issued.GetProperty("key").GetString()!, "NPL"));
    }

    [Theory]
    [InlineData("api/keys", "{\"state\":\"ZZZ\"}", HttpStatusCode.BadRequest, "unknown-state")]
    [InlineData("api/keys", "{\"state\":\"LAO\",\"expires\":\"2001-01-01\"}", HttpStatusCode.BadRequest, "bad-expiry")]
    [InlineData("api/keys", "{\"state\":\"LAO\",\"expires\":\"soon\"}", HttpStatusCode.BadRequest, "bad-expiry")]
    [InlineData("api/keys", "{\"expires\":\"2099-01-01\"}", HttpStatusCode.BadRequest, "bad-request")]
    [InlineData("api/keys", "not json", HttpStatusCode.BadRequest, "bad-request")]
    [InlineData("api/keys/ffffffffffffffff/revoke", "", HttpStatusCode.NotFound, "unknown-key")]
    [InlineData("api/keys/not-a-key-id/revoke", "", HttpStatusCode.NotFound, "unknown-key")]
    public async Task Operator_BadRequest_IsRefusedWithItsReasonCode(string path, string body, HttpStatusCode expected, string code)
    {
        using var client = PortalFixture.Client(_azure.Url);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(StaffAccess.PrincipalHeader, s_operator);
        request.Headers.Add(StaffAccess.IdentityProviderHeader, StaffPlatform.EntraProvider);

        using var response = await client.SendAsync(request, _ct);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(code, answer.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Operator_BodyLargerThanARequestForAKey_IsRefusedUnread()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "api/keys", s_operator, new { state = "LAO", expires = new string('9', 4000) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("bad-request", body.GetProperty("error").GetString());
    }
}
