using System.Text.Json;

namespace ReportPipeline.IntegrationTests.Uploads;

/// <summary>The upload endpoint as the Functions host sees it in functions.metadata.</summary>
public sealed class RequestUploadSlotMetadataTests
{
    [Fact]
    public void RequestUploadSlot_IsAnonymousHttpPostOnUploads()
    {
        var path = Path.Combine(AzuriteFixture.RepoRoot, "functions", "ReportPipeline.Functions", "bin", AzuriteFixture.Configuration, "net10.0", "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var binding = document.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "RequestUploadSlot")
            .GetProperty("bindings").EnumerateArray().First(b => b.GetProperty("direction").GetString() == "In");

        Assert.Equal("httpTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("uploads", binding.GetProperty("route").GetString());
        Assert.Equal(["post"], binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Anonymous", binding.GetProperty("authLevel").GetString());
    }
}
