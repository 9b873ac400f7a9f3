using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Cli.Serve;
using ReportPipeline.Core;
using ReportPipeline.Core.Staff;
using ReportPipeline.Core.Uploads;

namespace ReportPipeline.IntegrationTests.Portal;

/// <summary>
/// A state's indications over real HTTP: the key's own state's current report only, pointing and withdrawing, what the analyst
/// sees (source <c>state</c>, pending) and what the state then sees, and every refusal with its reason code.
/// </summary>
[Collection(PortalCollection.Name)]
[Trait("Category", "Integration")]
public sealed class IndicationApiTests(PortalFixture portal)
{
    private const string Report = Review.ReviewTests.Report;

    private readonly ServiceProvider _services = portal.AppServiceServices;
    private readonly LocalServer _azure = portal.AppServiceServer;
    private readonly string _analyst = StaffApiTests.Principal("Ana Analyst", StaffRoles.SurveysRead, StaffRoles.ReportsReview);

    private Task<Period> IngestAsync(string iso3) => portal.IngestInNewPeriodAsync(iso3, Report);

    /// <summary>The portal's page sending with the state's key, from its own origin unless <paramref name="origin"/> says otherwise.</summary>
    private Task<(HttpStatusCode Status, JsonElement Body)> StateAsync(HttpMethod method, string path, string? key, object? body = null, string? origin = null) =>
        ApiCall.SendAsync(_azure.Url, method, path, body, key: key, origin: origin ?? _azure.Url.GetLeftPart(UriPartial.Authority));

    private Task<(HttpStatusCode Status, JsonElement Body)> AnalystAsync(HttpMethod method, string path, object? body = null) =>
        ApiCall.SendAsync(_azure.Url, method, path, body, principal: _analyst);

    private static string Error((HttpStatusCode Status, JsonElement Body) reply) => $"{(int)reply.Status} {reply.Body.GetProperty("error").GetString()}";

    [Fact]
    public async Task Indications_PointAndWithdraw_AnalystSeesTheStatesPendingAndTheStateSeesTheDecision()
    {
        var period = await IngestAsync("KEN");
        var key = await portal.IssueKeyAsync("KEN");
        UploadCredential.TryParse(key, out var keyId, out _);

        var (shownStatus, shown) = await StateAsync(HttpMethod.Get, $"api/indications?period={period}", key);
        var (pointStatus, pointed) = await StateAsync(HttpMethod.Post, "api/indications", key, new { period = period.Value, version = 1, revision = 0, action = "point", question = "c", paragraph = "1.3" });
        var (withdrawStatus, _) = await StateAsync(HttpMethod.Post, "api/indications", key, new { period = period.Value, version = 1, revision = 1, action = "withdraw", passage = "a-1.1" });
        var (reviewStatus, review) = await AnalystAsync(HttpMethod.Get, $"api/review/{period}/KEN");
        var (acceptStatus, _) = await AnalystAsync(HttpMethod.Post, $"api/review/{period}/KEN", new { action = "accept", passage = "c-1.3", revision = 2 });
        var (afterStatus, after) = await StateAsync(HttpMethod.Get, $"api/indications?period={period}", key);

        Assert.Equal(HttpStatusCode.OK, shownStatus);
        Assert.Equal(("KEN", 1, 0), (shown.GetProperty("state").GetString(), shown.GetProperty("version").GetInt32(), shown.GetProperty("revision").GetInt32()));
        Assert.Equal(["1.1", "1.2", "1.3", "1.4"], shown.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(["a-1.1", "b-1.2", "d-1.4"], shown.GetProperty("passages").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (pointStatus, withdrawStatus));
        var mine = Assert.Single(pointed.GetProperty("indications").EnumerateArray());
        Assert.Equal(("point", "c-1.3", "pending"), (mine.GetProperty("kind").GetString(), mine.GetProperty("passage").GetString(), mine.GetProperty("decision").GetString()));
        Assert.Equal(HttpStatusCode.OK, reviewStatus);
        var passage = Assert.Single(review.GetProperty("questions").GetProperty("c").GetProperty("passages").EnumerateArray());
        Assert.Equal(("c-1.3", "state", "pending"), (passage.GetProperty("id").GetString(), passage.GetProperty("source").GetString(), passage.GetProperty("decision").GetString()));
        Assert.Equal([("point", keyId), ("withdraw", keyId)],
            review.GetProperty("indications").EnumerateArray().Select(i => (i.GetProperty("kind").GetString(), i.GetProperty("byId").GetString())));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (acceptStatus, afterStatus));
        var decided = after.GetProperty("indications").EnumerateArray().ToList();
        Assert.Equal(["accepted", "pending"], decided.Select(i => i.GetProperty("decision").GetString()));
        Assert.True(decided[0].TryGetProperty("decidedAt", out _));
        Assert.False(decided[0].TryGetProperty("decidedBy", out _), "the state sees what was decided, not which analyst decided it");
        var audit = _services.GetFakeLogCollector().GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains(audit, m => m.Contains($"Review of KEN {period}: the state's upload key {keyId} recorded Point c-1.3 as revision 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Indications_AnythingButOwnCurrentReportFromThePortal_RefusedWithReasonAndNothingStored()
    {
        var period = await IngestAsync("KEN");
        var key = await portal.IssueKeyAsync("KEN");
        var other = await portal.IssueKeyAsync("FRA");
        object Point(string paragraph, int version = 1, int revision = 0, string question = "c") =>
            new { period = period.Value, version, revision, action = "point", question, paragraph };

        var noKey = await StateAsync(HttpMethod.Get, $"api/indications?period={period}", null);
        var otherState = await StateAsync(HttpMethod.Get, $"api/indications?period={period}", other);
        var otherPoint = await StateAsync(HttpMethod.Post, "api/indications", other, Point("1.3"));
        var crossOrigin = await StateAsync(HttpMethod.Post, "api/indications", key, Point("1.3"), origin: "https://elsewhere.example");
        var unknown = await StateAsync(HttpMethod.Post, "api/indications", key, Point("9.9"));
        var notCurrent = await StateAsync(HttpMethod.Post, "api/indications", key, Point("1.3", version: 2));
        var already = await StateAsync(HttpMethod.Post, "api/indications", key, Point("1.2", question: "b"));
        var badQuestion = await StateAsync(HttpMethod.Post, "api/indications", key, Point("1.3", question: "e"));
        var badAction = await StateAsync(HttpMethod.Post, "api/indications", key, new { period = period.Value, version = 1, action = "accept", passage = "a-1.1" });
        var tooLong = await StateAsync(HttpMethod.Post, "api/indications", key, new { period = period.Value, version = 1, action = "point", question = "c", paragraph = new string('1', 2000) });
        var badPeriod = await StateAsync(HttpMethod.Get, "api/indications?period=someday", key);
        var stored = await StateAsync(HttpMethod.Post, "api/indications", key, Point("1.3"));
        var late = await StateAsync(HttpMethod.Post, "api/indications", key, new { period = period.Value, version = 1, revision = 0, action = "withdraw", passage = "a-1.1" });
        var analystPointing = await AnalystAsync(HttpMethod.Post, $"api/review/{period}/KEN", new { action = "point", question = "d", paragraph = "1.3", revision = 1 });
        var analystFirst = await AnalystAsync(HttpMethod.Post, $"api/review/{period}/KEN", new { action = "accept", passage = "b-1.2", revision = 1 });
        var afterAnalyst = await StateAsync(HttpMethod.Post, "api/indications", key, new { period = period.Value, version = 1, revision = 1, action = "withdraw", passage = "a-1.1" });

        Assert.Equal("401 bad-credential", Error(noKey));
        Assert.Equal("404 no-report", Error(otherState));
        Assert.Equal("404 no-report", Error(otherPoint));
        Assert.Equal("403 cross-origin", Error(crossOrigin));
        Assert.Equal("400 unknown-paragraph", Error(unknown));
        Assert.Equal("400 report-not-current", Error(notCurrent));
        Assert.Equal("400 already-indicated", Error(already));
        Assert.Equal("400 bad-question", Error(badQuestion));
        Assert.Equal("400 bad-request", Error(badAction));
        Assert.Equal("400 bad-request", Error(tooLong));
        Assert.Equal("400 bad-period", Error(badPeriod));
        Assert.Equal(HttpStatusCode.OK, stored.Status);
        Assert.Equal(1, stored.Body.GetProperty("revision").GetInt32());
        Assert.Equal("409 indication-conflict", Error(late));
        Assert.StartsWith("Another indication of your state was saved on this report at the same moment", late.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("400 bad-decision", Error(analystPointing));
        Assert.Equal(HttpStatusCode.OK, analystFirst.Status);
        Assert.Equal("409 review-conflict", Error(afterAnalyst));
        Assert.StartsWith("CTED recorded something on your report at the same moment", afterAnalyst.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
        var (_, review) = await AnalystAsync(HttpMethod.Get, $"api/review/{period}/KEN");
        Assert.Equal(2, review.GetProperty("revision").GetInt32());
    }
}
