using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ReportPipeline.IntegrationTests.Infra;

/// <summary>
/// Every setting the code reads is set by infra/: the connections and %settings% that functions.metadata
/// names, and every property of every options class (a type with a <c>SectionName</c> constant).
/// </summary>
[Trait("Category", "Infra")]
public sealed partial class SettingsCrossCheckTests
{
    /// <summary>The identity-based form of a connection, as the Functions host and StorageClientFactory read it.</summary>
    private static readonly string[] s_identityConnectionParts = ["blobServiceUri", "queueServiceUri", "tableServiceUri", "credential", "clientId"];

    /// <summary>Secrets the code can read for local use; in Azure the managed identity replaces them, so infra must never set them.</summary>
    private static readonly string[] s_localOnlySecrets = ["DocumentIntelligence__Key", "AzureOpenAI__Key"];

    private static readonly Assembly[] s_appAssemblies =
    [
        typeof(Core.ReasonCodes).Assembly,
        typeof(Documents.AnalysisOptions).Assembly,
        typeof(Extraction.ExtractionOptions).Assembly,
        typeof(Infrastructure.Storage.StorageNames).Assembly,
        typeof(Functions.FunctionNames).Assembly,
    ];

    private static async Task<JsonObject> AppSettingsAsync() =>
        (await BicepTemplate.GetAsync()).SiteConfig("appsettings");

    private static JsonElement FunctionsMetadata()
    {
        var path = Path.Combine(AzuriteFixture.RepoRoot, "functions", "ReportPipeline.Functions", "bin", AzuriteFixture.Configuration, "net10.0", "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    public static TheoryData<string> OptionSettings()
    {
        var data = new TheoryData<string>();
        foreach (var type in s_appAssemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field)
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
                {
                    var setting = $"{field.GetRawConstantValue()}__{property.Name}";
                    if (!s_localOnlySecrets.Contains(setting))
                    {
                        data.Add(setting);
                    }
                }
            }
        }

        return data;
    }

    [Fact]
    public void OptionSettings_FindsTheKnownOptionsClasses()
    {
        var settings = OptionSettings().Select(row => row.Data).ToList();

        Assert.Contains("Ingestion__MaxReportBytes", settings);
        Assert.Contains("Links__DefaultMinutes", settings);
        Assert.Contains("Uploads__SlotMinutes", settings);
        Assert.Contains("Extraction__Mode", settings);
        Assert.Contains("AzureOpenAI__MaxInputTokens", settings);
        Assert.Contains("Periods__Open", settings);
    }

    [Theory]
    [MemberData(nameof(OptionSettings))]
    public async Task OptionsProperty_IsSetInFunctionsBicep(string setting)
    {
        var settings = await AppSettingsAsync();

        Assert.True(settings.ContainsKey(setting), $"{setting} is read by the code but not set in infra/app/functions.bicep.");
    }

    [Fact]
    public async Task LocalOnlySecrets_AreNeverSetInFunctionsBicep()
    {
        var settings = await AppSettingsAsync();

        Assert.All(s_localOnlySecrets, secret => Assert.False(settings.ContainsKey(secret), $"{secret} is a secret; Azure uses the managed identity instead."));
    }

    [Fact]
    public async Task FunctionsMetadata_PercentSettings_AreSetInFunctionsBicep()
    {
        var settings = await AppSettingsAsync();
        var named = PercentSetting().Matches(FunctionsMetadata().GetRawText()).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains("SurveySchedule", named);
        Assert.Contains("ReconcileSchedule", named);
        Assert.All(named, name => Assert.True(settings.ContainsKey(name), $"%{name}% is not set in infra/app/functions.bicep."));
    }

    [Fact]
    public async Task FunctionsMetadata_Connections_AreIdentityBasedInFunctionsBicep()
    {
        var settings = await AppSettingsAsync();
        var connections = FunctionsMetadata().EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.TryGetProperty("connection", out _))
            .Select(b => b.GetProperty("connection").GetString()!)
            .Append("AzureWebJobsStorage")
            .Distinct()
            .ToList();

        Assert.Contains("PipelineStorage", connections);
        foreach (var connection in connections)
        {
            Assert.False(settings.ContainsKey(connection), $"{connection} must be identity-based in Azure, not a connection string.");
            Assert.All(s_identityConnectionParts, part => Assert.True(settings.ContainsKey($"{connection}__{part}"), $"{connection}__{part} is not set."));
            Assert.Equal("managedidentity", (string?)settings[$"{connection}__credential"]);
        }
    }

    [Fact]
    public async Task AppSettings_HoldNoKeyOrSecret()
    {
        var settings = await AppSettingsAsync();

        Assert.All(settings, setting =>
        {
            var value = setting.Value?.ToString() ?? "";
            Assert.DoesNotContain("AccountKey=", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys", value, StringComparison.OrdinalIgnoreCase);
        });
    }

    [GeneratedRegex("%([A-Za-z0-9_:]+)%")]
    private static partial Regex PercentSetting();
}
