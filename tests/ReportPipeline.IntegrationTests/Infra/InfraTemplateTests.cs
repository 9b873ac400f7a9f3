using System.Text.Json.Nodes;
using ReportPipeline.Functions.Web;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.IntegrationTests.Infra;

/// <summary>
/// infra/main.bicep as the Bicep CLI compiles it: clean under build and lint, and declaring what issue 6 asks
/// for. Reads the compiled ARM JSON, so a module that stops being wired in fails here.
/// </summary>
[Trait("Category", "Infra")]
public sealed class InfraTemplateTests
{
    private static async Task<BicepTemplate> TemplateAsync() => await BicepTemplate.GetAsync();

    private static async Task<JsonObject> SingleAsync(string type) => Assert.Single((await TemplateAsync()).Resources(), r => (string?)r["type"] == type);

    [Fact]
    public async Task BuildAndLint_MainBicep_PrintNoWarnings()
    {
        var template = await TemplateAsync();

        Assert.Equal("", template.BuildErrors);
        Assert.Equal("", template.LintOutput);
    }

    [Fact]
    public async Task FunctionApp_RunsDotnetIsolated10OnFlexConsumption()
    {
        var plan = await SingleAsync("Microsoft.Web/serverfarms");
        var site = await SingleAsync("Microsoft.Web/sites");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
    }

    [Fact]
    public async Task StorageAccount_SharedKeyAndPublicAccessOff_Tls12()
    {
        var properties = (await SingleAsync("Microsoft.Storage/storageAccounts"))["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
    }

    [Fact]
    public async Task StorageModule_ContainersAndTables_MatchStorageNames()
    {
        var template = await TemplateAsync();
        var parameters = template.ModuleParameters("storage");
        var tables = parameters["tableNames"]!["value"]!.AsArray().Select(template.Resolve).ToList();
        var containers = parameters["containerNames"]!["value"]!.AsArray().Select(template.Resolve).ToList();

        Assert.Equal(StorageNames.Tables.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
        Assert.All(StorageNames.Containers, c => Assert.Contains(c, containers));
    }

    [Fact]
    public async Task Identity_HasOnlyTheRolesItNeeds()
    {
        var template = await TemplateAsync();
        Assert.Single(template.Resources(), r => (string?)r["type"] == "Microsoft.ManagedIdentity/userAssignedIdentities");
        var rbac = template.Compiled["resources"]!.AsArray().Single(r => (string?)r!["name"] == "rbac")!["properties"]!["template"]!;
        var roles = rbac["variables"]!["roles"]!.AsObject();
        var storageRoles = rbac["variables"]!["storageRoleIds"]!.AsArray().Select(r => (string)r!).ToList();

        Assert.Equal(
            ["storageBlobDataContributor", "storageQueueDataContributor", "storageTableDataContributor", "storageBlobDelegator"],
            storageRoles.Select(r => r.Replace("[variables('roles').", "", StringComparison.Ordinal).TrimEnd(']')));
        Assert.Equal("db58b8e5-c6ad-4a2a-8342-4190687cbf4a", (string?)roles["storageBlobDelegator"]);
        Assert.Equal("ba92f5b4-2d11-453d-a403-e96b0029c9fe", (string?)roles["storageBlobDataContributor"]);
        Assert.DoesNotContain("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", template.Compiled.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("a97b65f3-24c7-4388-baec-2e87135dc908", (string?)roles["cognitiveServicesUser"]);
        Assert.Equal("5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", (string?)roles["cognitiveServicesOpenAIUser"]);
        var forIdentity = template.Resources()
            .Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments"
                && ((string?)r["properties"]!["principalId"])!.Contains("managedIdentityPrincipalId", StringComparison.Ordinal))
            .Select(r => (string)r["properties"]!["roleDefinitionId"]!)
            .ToList();
        Assert.Contains(forIdentity, r => r.Contains("storageRoleIds", StringComparison.Ordinal));
        Assert.Contains(forIdentity, r => r.Contains("cognitiveServicesUser)", StringComparison.Ordinal));
        Assert.Contains(forIdentity, r => r.Contains("cognitiveServicesOpenAIUser", StringComparison.Ordinal));
        Assert.Contains(forIdentity, r => r.Contains("monitoringMetricsPublisher", StringComparison.Ordinal));
        // Cognitive Services User twice: on Document Intelligence and on the Translator.
        Assert.Equal(2, forIdentity.Count(r => r.Contains("cognitiveServicesUser)", StringComparison.Ordinal)));
        Assert.Equal(5, forIdentity.Count);
        Assert.Single(template.Resources(), r => ((string?)r["properties"]?["roleDefinitionId"])?.Contains("cognitiveServicesOpenAIUser", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Translator_HasCustomSubdomainAndNoKeys()
    {
        var account = Assert.Single((await TemplateAsync()).Resources(), r => (string?)r["kind"] == "TextTranslation");

        Assert.NotNull(account["properties"]!["customSubDomainName"]);
        Assert.True((bool)account["properties"]!["disableLocalAuth"]!);
    }

    [Fact]
    public async Task DocumentIntelligence_HasCustomSubdomainAndNoKeys()
    {
        var account = Assert.Single((await TemplateAsync()).Resources(), r => (string?)r["kind"] == "FormRecognizer");

        Assert.NotNull(account["properties"]!["customSubDomainName"]);
        Assert.True((bool)account["properties"]!["disableLocalAuth"]!);
    }

    [Fact]
    public async Task AzureOpenAI_HasCustomSubdomainNoKeysAndOneModelDeploymentInTheAppSettings()
    {
        var template = await TemplateAsync();
        var account = Assert.Single(template.Resources(), r => (string?)r["kind"] == "OpenAI");
        var deployment = (await SingleAsync("Microsoft.CognitiveServices/accounts/deployments"))["properties"]!["model"]!;
        var settings = template.SiteConfig("appsettings");

        Assert.NotNull(account["properties"]!["customSubDomainName"]);
        Assert.True((bool)account["properties"]!["disableLocalAuth"]!);
        Assert.Equal("OpenAI", (string?)deployment["format"]);
        Assert.NotNull(deployment["name"]);
        Assert.NotNull(deployment["version"]);
        Assert.Equal("Auto", (string?)settings["Extraction__Mode"]);
        Assert.True(settings.ContainsKey("AzureOpenAI__Endpoint"));
        Assert.True(settings.ContainsKey("AzureOpenAI__Deployment"));
    }

    [Fact]
    public async Task Monitoring_DeclaresWorkspaceBasedApplicationInsights()
    {
        var insights = await SingleAsync("Microsoft.Insights/components");
        await SingleAsync("Microsoft.OperationalInsights/workspaces");

        Assert.NotNull(insights["properties"]!["WorkspaceResourceId"]);
    }

    [Fact]
    public async Task EventGrid_SystemTopicOnTheStorageAccount()
    {
        var topic = await SingleAsync("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic["properties"]!["topicType"]);
    }

    [Fact]
    public async Task Alerts_OnFailedIngestsAndOnDeadLetteredEvents()
    {
        var failed = await SingleAsync("Microsoft.Insights/scheduledQueryRules");
        var deadLettered = await SingleAsync("Microsoft.Insights/metricAlerts");

        var criterion = failed["properties"]!["criteria"]!["allOf"]![0]!;
        Assert.Contains("customMetrics | where name == \"reportpipeline.reports.failed\"", (string?)criterion["query"], StringComparison.Ordinal);
        Assert.Equal(("GreaterThan", 0), ((string?)criterion["operator"], (int)criterion["threshold"]!));
        Assert.Contains("Microsoft.Insights/components", (string?)failed["properties"]!["scopes"]![0], StringComparison.Ordinal);
        var metric = deadLettered["properties"]!["criteria"]!["allOf"]![0]!;
        Assert.Equal(("DeadLetteredCount", "Microsoft.EventGrid/systemTopics", 0), ((string?)metric["metricName"], (string?)metric["metricNamespace"], (int)metric["threshold"]!));
        Assert.Contains("Microsoft.EventGrid/systemTopics", (string?)deadLettered["properties"]!["scopes"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppSettings_SetSurveyScheduleStaffSignInClosedWithoutAnAppRegistrationAndNoHomepage()
    {
        var settings = (await TemplateAsync()).SiteConfig("appsettings");

        Assert.True(settings.ContainsKey("SurveySchedule"));
        Assert.Equal("[if(empty(parameters('staffAuthClientId')), 'Disabled', 'AppService')]", (string?)settings["Staff__Authentication"]);
        Assert.Equal("true", (string?)settings["AzureWebJobsDisableHomepage"]);
    }

    [Fact]
    public async Task EasyAuth_GuardsEverythingButTheMemberStatePathsWithEntraSignIn()
    {
        var template = await TemplateAsync();
        var auth = template.SiteConfig("authsettingsV2");
        var functions = template.Compiled["resources"]!.AsArray().Single(r => (string?)r!["name"] == "functions")!["properties"]!["template"]!;
        var excluded = functions["variables"]!["memberStatePaths"]!.AsArray().Select(p => (string)p!).ToList();
        var pages = WebPages.Files.Keys.Where(p => !WebPages.StaffPaths.Contains(p)).Select(p => "/" + p);
        string[] memberStateApi = ["/api/uploads", "/api/periods", "/api/indications"];

        var validation = auth["globalValidation"]!;
        Assert.True((bool)validation["requireAuthentication"]!);
        Assert.Equal("RedirectToLoginPage", (string?)validation["unauthenticatedClientAction"]);
        Assert.Equal("[variables('memberStatePaths')]", (string?)validation["excludedPaths"]);
        Assert.Equal(pages.Concat(memberStateApi).Append("/runtime/webhooks/blobs").Order(StringComparer.Ordinal), excluded.Order(StringComparer.Ordinal));
        Assert.All(WebPages.StaffPaths, p => Assert.DoesNotContain("/" + p, excluded));
        Assert.DoesNotContain(excluded, p => p.StartsWith("/api/staff", StringComparison.Ordinal) || p.StartsWith("/api/surveys", StringComparison.Ordinal));
        var entra = auth["identityProviders"]!["azureActiveDirectory"]!;
        Assert.Equal("[parameters('staffAuthClientId')]", (string?)entra["registration"]!["clientId"]);
        Assert.Contains("/v2.0", (string?)entra["registration"]!["openIdIssuer"], StringComparison.Ordinal);
        Assert.Equal("[not(empty(parameters('staffAuthClientId')))]", (string?)auth["platform"]!["enabled"]);
    }

    [Fact]
    public async Task Storage_CorsLetsThePortalPutReportsAsServeDoesLocally()
    {
        var template = await TemplateAsync();
        var rule = Assert.Single((await SingleAsync("Microsoft.Storage/storageAccounts/blobServices"))["properties"]!["cors"]!["corsRules"]!.AsArray())!;
        var origins = template.ModuleParameters("storage")["browserUploadOrigins"]!["value"]!.AsArray().Select(o => (string?)o).ToList();

        Assert.Equal(BrowserUploads.Methods.Split(','), rule["allowedMethods"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(BrowserUploads.Headers.Split(','), rule["allowedHeaders"]!.AsArray().Select(h => (string?)h));
        Assert.Equal(BrowserUploads.MaxAgeSeconds, (int)rule["maxAgeInSeconds"]!);
        Assert.Equal(["[variables('portalOrigin')]"], origins);
        Assert.Equal("[format('https://{0}.azurewebsites.net', variables('functionAppName'))]", (string?)template.Compiled["variables"]!["portalOrigin"]);
    }

    [Fact]
    public async Task EasyAuth_KeepsNoTokenStore()
    {
        var auth = (await TemplateAsync()).SiteConfig("authsettingsV2");

        Assert.False((bool)auth["login"]!["tokenStore"]!["enabled"]!);
    }

    [Fact]
    public async Task Storage_VersionsAndSoftDeletesBlobsForTheRetentionAnOperatorSets()
    {
        var template = await TemplateAsync();
        var blobs = (await SingleAsync("Microsoft.Storage/storageAccounts/blobServices"))["properties"]!;
        var storage = template.ModuleParameters("storage");

        Assert.True((bool)blobs["isVersioningEnabled"]!);
        Assert.True((bool)blobs["deleteRetentionPolicy"]!["enabled"]!);
        Assert.Equal("[parameters('softDeleteRetentionDays')]", (string?)blobs["deleteRetentionPolicy"]!["days"]);
        Assert.Equal("[parameters('reportRetentionDays')]", (string?)storage["softDeleteRetentionDays"]!["value"]);
        Assert.Equal(30, (int)template.Compiled["parameters"]!["reportRetentionDays"]!["defaultValue"]!);
    }

    [Fact]
    public async Task Storage_LifecycleDeletesRefusedReportCopiesAfterTheirRetention()
    {
        var template = await TemplateAsync();
        var rules = (await SingleAsync("Microsoft.Storage/storageAccounts/managementPolicies"))["properties"]!["policy"]!["rules"]!.AsArray();
        var refused = Assert.Single(rules, r => (string?)r!["name"] == "delete-refused-reports")!["definition"]!;

        Assert.Equal([$"[format('{{0}}/', parameters('quarantineContainerName'))]"], refused["filters"]!["prefixMatch"]!.AsArray().Select(p => (string?)p));
        Assert.Equal("[parameters('refusedRetentionDays')]", (string?)refused["actions"]!["baseBlob"]!["delete"]!["daysAfterCreationGreaterThan"]);
        Assert.Equal(StorageNames.QuarantineContainer, (string?)template.ModuleParameters("storage")["quarantineContainerName"]!["value"]);
    }

    [Fact]
    public async Task DeployerDataRoles_AreOptInAndOffByDefault()
    {
        var template = await TemplateAsync();
        var rbac = template.Compiled["resources"]!.AsArray().Single(r => (string?)r!["name"] == "rbac")!["properties"]!["template"]!;

        Assert.False((bool)template.Compiled["parameters"]!["grantDeployerDataRoles"]!["defaultValue"]!);
        Assert.Equal("[parameters('grantDeployerDataRoles')]", (string?)template.ModuleParameters("rbac")["grantUserDataRoles"]!["value"]);
        Assert.Equal("[and(parameters('grantUserDataRoles'), not(empty(parameters('userPrincipalId'))))]", (string?)rbac["variables"]!["assignUser"]);
    }
}
