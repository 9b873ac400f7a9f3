using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Cli.Serve;
using ReportPipeline.Core;
using ReportPipeline.Core.Staff;

namespace ReportPipeline.IntegrationTests.Portal;

/// <summary>The review and search API over real HTTP, with App Service Authentication's principal as in Azure: roles, refusals, conflicts, the audit log.</summary>
[Collection(PortalCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ReviewApiTests(PortalFixture portal)
{
    private readonly ServiceProvider _services = portal.AppServiceServices;
    private readonly LocalServer _azure = portal.AppServiceServer;
    private readonly string _reader = StaffApiTests.Principal("Rita Reader", StaffRoles.SurveysRead);
    private readonly string _analyst = StaffApiTests.Principal("Ana Analyst", StaffRoles.SurveysRead, StaffRoles.ReportsReview);
    private readonly string _second = StaffApiTests.Principal("Ben Analyst", StaffRoles.SurveysRead, StaffRoles.ReportsReview);

    private Task<Period> IngestAsync(string iso3, string text) => portal.IngestInNewPeriodAsync(iso3, text);

    private Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string principal, object? body = null) =>
        ApiCall.SendAsync(_azure.Url, method, path, body, principal);

    [Fact]
    public async Task Decide_ReaderRefusedAnalystRecordedSecondOnSameRevisionToldAndAudited()
    {
        var period = await IngestAsync("KEN", "(a) Our main challenge is financing of terrorism through virtual assets.\n\n(d) We coordinate with the 1267 Monitoring Team and UNODC.");
        var (shownStatus, shown) = await SendAsync(HttpMethod.Get, $"api/review/{period}/KEN", _reader);
        var revision = shown.GetProperty("revision").GetInt32();

        var (readerStatus, reader) = await SendAsync(HttpMethod.Post, $"api/review/{period}/KEN", _reader, new { action = "reject", passage = "a-1.1", revision });
        var (firstStatus, first) = await SendAsync(HttpMethod.Post, $"api/review/{period}/KEN", _analyst, new { action = "reject", passage = "a-1.1", revision });
        var (secondStatus, second) = await SendAsync(HttpMethod.Post, $"api/review/{period}/KEN", _second, new { action = "accept", passage = "d-1.2", revision });
        var (badStatus, bad) = await SendAsync(HttpMethod.Post, $"api/review/{period}/KEN", _analyst, new { action = "explode", revision = 1 });
        var (unknownStatus, unknown) = await SendAsync(HttpMethod.Post, $"api/review/{period}/KEN", _analyst, new { action = "accept", passage = "b-9.9", revision = 1 });

        Assert.Equal((HttpStatusCode.OK, "machine", 0), (shownStatus, shown.GetProperty("status").GetString(), revision));
        Assert.Equal((HttpStatusCode.Forbidden, "missing-role"), (readerStatus, reader.GetProperty("error").GetString()));
        Assert.Contains("Reports.Review", reader.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "in review", 1), (firstStatus, first.GetProperty("status").GetString(), first.GetProperty("revision").GetInt32()));
        Assert.Equal((HttpStatusCode.Conflict, "review-conflict"), (secondStatus, second.GetProperty("error").GetString()));
        Assert.StartsWith($"Ana Analyst saved a decision on KEN {period} first", second.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "bad-decision"), (badStatus, bad.GetProperty("error").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "unknown-passage"), (unknownStatus, unknown.GetProperty("error").GetString()));
        var audit = _services.GetFakeLogCollector().GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains(audit, m => m.Contains("Ana Analyst", StringComparison.Ordinal) && m.Contains("oid-Ana Analyst", StringComparison.Ordinal)
            && m.Contains("Reject a-1.1", StringComparison.Ordinal) && m.Contains(period.Value, StringComparison.Ordinal));
        Assert.Contains(audit, m => m.Contains("Ben Analyst", StringComparison.Ordinal) && m.Contains("too late", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReviewList_AfterRejectAcceptCopyAddNoteAndDone_GivesAgreementPerLanguageAndQuestion()
    {
        var period = await IngestAsync("KEN", "(a) Our main challenge is financing of terrorism through virtual assets.\n\n(d) We coordinate with the 1267 Monitoring Team and UNODC.\n\nThe working group met in Nairobi.");
        var (beforeStatus, before) = await SendAsync(HttpMethod.Get, $"api/review?period={period}", _reader);
        var path = $"api/review/{period}/KEN";
        object[] decisions =
        [
            new { action = "reject", passage = "a-1.1", revision = 0 },
            new { action = "copy", passage = "d-1.2", question = "b", revision = 1 },
            new { action = "add", question = "b", paragraph = "1.3", revision = 2 },
            new { action = "note", question = "b", note = "Ask about Nairobi.", revision = 3 },
            new { action = "done", revision = 4 },
        ];
        foreach (var decision in decisions)
        {
            var (status, body) = await SendAsync(HttpMethod.Post, path, _analyst, decision);
            Assert.True(status == HttpStatusCode.OK, body.ToString());
        }

        var (staleStatus, stale) = await SendAsync(HttpMethod.Post, path, _second, new { action = "note", question = "a", note = "Too late.", revision = 4 });
        var (longStatus, tooLong) = await SendAsync(HttpMethod.Post, path, _analyst, new { action = "note", question = "a", note = new string('x', 4001), revision = 5 });
        var (_, shown) = await SendAsync(HttpMethod.Get, path, _reader);
        var (listStatus, list) = await SendAsync(HttpMethod.Get, $"api/review?period={period}", _reader);

        Assert.Equal(HttpStatusCode.OK, beforeStatus);
        Assert.Empty(before.GetProperty("agreement").EnumerateArray());
        Assert.Equal((HttpStatusCode.Conflict, "review-conflict"), (staleStatus, stale.GetProperty("error").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "note-too-long"), (longStatus, tooLong.GetProperty("error").GetString()));
        Assert.Equal(("reviewed", 5, "Ask about Nairobi."), (shown.GetProperty("status").GetString(), shown.GetProperty("revision").GetInt32(),
            shown.GetProperty("questions").GetProperty("b").GetProperty("note").GetString()));
        Assert.Equal(["b-1.2", "b-1.3"], shown.GetProperty("questions").GetProperty("b").GetProperty("passages").EnumerateArray()
            .Where(p => p.GetProperty("decision").GetString() == "accepted").Select(p => p.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, listStatus);
        var cells = list.GetProperty("agreement").EnumerateArray().Select(c => (
            c.GetProperty("language").GetString(), c.GetProperty("question").GetString(), c.GetProperty("machineDecided").GetInt32(),
            c.GetProperty("machineAccepted").GetInt32(), c.GetProperty("accepted").GetInt32(), Share(c, "precision"), Share(c, "recall"))).ToList();
        // (a): the machine's one passage rejected. (b): two accepted, neither found by the machine there. (d): the machine's, accepted.
        Assert.Equal(
        [
            ("en", "a", 1, 0, 0, 0.0, (double?)null),
            ("en", "b", 0, 0, 2, null, 0.0),
            ("en", "d", 1, 1, 1, 1.0, 1.0),
        ], cells);
    }

    /// <summary>A figure with nothing to divide by is left out of the reply.</summary>
    private static double? Share(JsonElement cell, string name) => cell.TryGetProperty(name, out var value) ? value.GetDouble() : null;

    [Fact]
    public async Task Passages_ArabicQueryWithoutDiacritics_FindsTheStateAndListGivesStatus()
    {
        var period = await IngestAsync("EGY", "(ب) نُشيد بالتعاون الدولي مع المديرية التنفيذية لمكافحة الإرهاب.");

        var (status, found) = await SendAsync(HttpMethod.Get, $"api/passages?period={period}&q={Uri.EscapeDataString("نشيد بالتعاون")}&question=b", _reader);
        var (noneStatus, none) = await SendAsync(HttpMethod.Get, $"api/passages?period={period}&q=x&question=e", _reader);
        var (listStatus, list) = await SendAsync(HttpMethod.Get, $"api/review?period={period}", _reader);

        Assert.Equal(HttpStatusCode.OK, status);
        var hit = Assert.Single(found.GetProperty("hits").EnumerateArray());
        Assert.Equal(("EGY", "b", "ar"), (hit.GetProperty("state").GetString(), hit.GetProperty("question").GetString(), hit.GetProperty("language").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "bad-question"), (noneStatus, none.GetProperty("error").GetString()));
        Assert.Equal(HttpStatusCode.OK, listStatus);
        var egypt = Assert.Single(list.GetProperty("states").EnumerateArray());
        Assert.Equal(("EGY", "machine"), (egypt.GetProperty("state").GetString(), egypt.GetProperty("status").GetString()));
    }
}
