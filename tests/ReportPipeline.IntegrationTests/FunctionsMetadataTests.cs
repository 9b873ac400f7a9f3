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

    [Fact]
    public void GetSurveyLinks_IsHttpGetOnSurveysRoute()
    {
        var binding = Binding("GetSurveyLinks");

        Assert.Equal("httpTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("surveys/{period}", binding.GetProperty("route").GetString());
        Assert.Equal(["get"], binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Function", binding.GetProperty("authLevel").GetString());
    }
}
