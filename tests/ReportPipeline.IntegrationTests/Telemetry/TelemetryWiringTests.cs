using Azure.Identity;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using ReportPipeline.Core;
using ReportPipeline.Functions;
using ReportPipeline.Functions.Telemetry;
using ReportPipeline.Infrastructure;

namespace ReportPipeline.IntegrationTests.Telemetry;

/// <summary>The worker's composition as Program.cs builds it, with an Application Insights connection string set.</summary>
public sealed class TelemetryWiringTests
{
    private static IServiceProvider Build(string? connectionString)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetryExtensions.ConnectionStringSetting] = connectionString,
            [TelemetryExtensions.AuthenticationStringSetting] = "ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD",
            ["PipelineStorage"] = "UseDevelopmentStorage=true",
        });
        builder.Services.AddReportPipelineCore().AddReportPipelineInfrastructure().AddReportPipelineFunctions();
        builder.AddReportPipelineTelemetry();
        return builder.Build().Services;
    }

    [Fact]
    public void AddReportPipelineTelemetry_WithConnectionString_ExportsMetricsAndInformationLogs()
    {
        var services = Build("InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/");

        Assert.NotNull(services.GetService<MeterProvider>());
        var rules = services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules
            .Where(r => r.ProviderName == typeof(OpenTelemetryLoggerProvider).FullName)
            .ToList();
        var rule = Assert.Single(rules);
        Assert.Equal(LogLevel.Information, rule.LogLevel);
        Assert.DoesNotContain(services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules,
            r => r.LogLevel == LogLevel.Warning && r.ProviderName is not null && r.ProviderName.Contains("ApplicationInsights", StringComparison.Ordinal));
        Assert.True(services.GetRequiredService<IOptionsMonitor<OpenTelemetryLoggerOptions>>().CurrentValue.IncludeScopes);
    }

    [Fact]
    public void AddReportPipelineTelemetry_WithoutConnectionString_AddsNothing()
    {
        var services = Build(null);

        Assert.Null(services.GetService<MeterProvider>());
    }

    [Fact]
    public void Credential_AadAuthenticationString_UsesTheUserAssignedIdentity()
    {
        Assert.IsType<ManagedIdentityCredential>(TelemetryExtensions.Credential("ClientId=abc;Authorization=AAD"));
        Assert.Null(TelemetryExtensions.Credential(null));
        Assert.Null(TelemetryExtensions.Credential("Authorization=None"));
    }
}
