using System.Text.Json;

namespace ReportPipeline.IntegrationTests;

/// <summary>functions.metadata is the Functions host's view of the app: triggers, paths, sources, settings.</summary>
public sealed class FunctionsMetadataTests
{
    private static JsonElement Binding(string function)
    {
        var path = Path.Combine(AzuriteFixture.RepoRoot, "functions", "ReportPipeline.Functions", "bin", AzuriteFixture.Configuration, "net10.0", "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == function)
            .GetProperty("bindings").EnumerateArray().First(b => b.GetProperty("direction").GetString() == "In").Clone();
    }

    [Fact]
    public void IngestReport_IsEventGridBlobTriggerOnReports()
    {
        var binding = Binding("IngestReport");

        Assert.Equal("blobTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("reports/{period}/{state}/{name}", binding.GetProperty("path").GetString());
        Assert.Equal("EventGrid", binding.GetProperty("source").GetString());
        Assert.Equal("PipelineStorage", binding.GetProperty("connection").GetString());
    }

    [Theory]
    [InlineData("CompileSurvey", "%SurveySchedule%")]
    [InlineData("ReconcileUploads", "%ReconcileSchedule%")]
    public void Timer_IsOnItsSettingNotOnStartup(string function, string schedule)
    {
        var binding = Binding(function);

        Assert.Equal("timerTrigger", binding.GetProperty("type").GetString());
        Assert.Equal(schedule, binding.GetProperty("schedule").GetString());
        Assert.False(binding.GetProperty("runOnStartup").GetBoolean());
    }

    [Fact]
    public void RecordFailedIngest_IsQueueTriggerOnTheBlobPoisonQueueOfTheTriggersAccount()
    {
        var binding = Binding("RecordFailedIngest");

        Assert.Equal("queueTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("webjobs-blobtrigger-poison", binding.GetProperty("queueName").GetString());
        Assert.Equal(Binding("IngestReport").GetProperty("connection").GetString(), binding.GetProperty("connection").GetString());
    }

    /// <summary>
    /// Every HTTP function is anonymous at the Functions level: member states hold their own keys, and staff routes sit behind
    /// App Service Authentication and check an app role, so no shared function key is needed or honoured.
    /// </summary>
    [Theory]
    [InlineData("RequestUploadSlot", "api/uploads", "post")]
    [InlineData("ListUploads", "api/uploads", "get")]
    [InlineData("ListOpenPeriods", "api/periods", "get")]
    [InlineData("GetSurveyLinks", "api/surveys/{period}", "get")]
    [InlineData("CompileSurveyNow", "api/surveys/{period}/compile", "post")]
    [InlineData("GetStaffOverview", "api/staff/overview", "get")]
    [InlineData("ListAllUploads", "api/staff/uploads", "get")]
    [InlineData("ServePage", "{*path}", "get")]
    [InlineData("SearchPassages", "api/passages", "get")]
    [InlineData("ListReviews", "api/review", "get")]
    [InlineData("GetReview", "api/review/{period}/{state}", "get")]
    [InlineData("DecideReview", "api/review/{period}/{state}", "post")]
    [InlineData("ListUploadKeys", "api/keys", "get")]
    [InlineData("IssueUploadKey", "api/keys", "post")]
    [InlineData("RevokeUploadKey", "api/keys/{id}/revoke", "post")]
    public void HttpFunction_IsAnonymousOnItsRoute(string function, string route, string method)
    {
        var binding = Binding(function);

        Assert.Equal("httpTrigger", binding.GetProperty("type").GetString());
        Assert.Equal(route, binding.GetProperty("route").GetString());
        Assert.Equal([method], binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Anonymous", binding.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void HostJson_RoutePrefixIsEmptySoRoutesNameTheirApiPrefixAndThePortalIsAtTheRoot()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(AzuriteFixture.RepoRoot, "host.json")));

        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }
}
