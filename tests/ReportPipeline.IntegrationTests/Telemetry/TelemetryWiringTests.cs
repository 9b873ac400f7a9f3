using System.Diagnostics.Metrics;
using Azure.Identity;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Telemetry;
using ReportPipeline.Functions;
using ReportPipeline.Functions.Telemetry;

namespace ReportPipeline.IntegrationTests.Telemetry;

/// <summary>
/// The worker exactly as Program composes it (<c>AddReportPipelineWorker</c>), with an
/// in-memory exporter beside Application Insights' so that what the worker would export can be read back.
/// </summary>
public sealed class TelemetryWiringTests
{
    // Port 9 on loopback refuses at once: nothing leaves the machine when the exporter flushes on shutdown.
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";

    private static IHost Build(string? connectionString, List<LogRecord> exported)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetryExtensions.ConnectionStringSetting] = connectionString,
            ["PipelineStorage"] = "UseDevelopmentStorage=true",
        });
        builder.Services.ConfigureOpenTelemetryLoggerProvider(logs => logs.AddInMemoryExporter(exported));
        return builder.AddReportPipelineWorker().Build();
    }

    private static Counter<long> Probe(IHost host) =>
        host.Services.GetRequiredService<IMeterFactory>().Create(PipelineMetrics.MeterName).CreateCounter<long>("reportpipeline.probe");

    [Fact]
    public void AddReportPipelineWorker_WithConnectionString_ExportsInformationLogsWithScopesAndThePipelineMeter()
    {
        var exported = new List<LogRecord>();
        using var host = Build(ConnectionString, exported);
        Assert.NotNull(host.Services.GetService<MeterProvider>());
        var logger = host.Services.GetRequiredService<ILogger<ReportIngestor>>();

        using (logger.BeginScope(new Dictionary<string, object> { ["State"] = "KEN", ["Period"] = "2026-H1" }))
        {
            logger.LogInformation("Accepted report");
            logger.LogDebug("A detail operators need not see");
        }

        var record = Assert.Single(exported);
        Assert.Equal(LogLevel.Information, record.LogLevel);
        var scope = new List<KeyValuePair<string, object?>>();
        record.ForEachScope(static (s, list) =>
        {
            foreach (var item in s)
            {
                list.Add(item);
            }
        }, scope);
        Assert.Contains(new KeyValuePair<string, object?>("State", "KEN"), scope);
        Assert.True(Probe(host).Enabled, "the pipeline's meter is not exported");
    }

    [Fact]
    public void AddReportPipelineWorker_WithoutConnectionString_ExportsNothing()
    {
        var exported = new List<LogRecord>();
        using var host = Build(null, exported);

        host.Services.GetRequiredService<ILogger<ReportIngestor>>().LogInformation("Accepted report");

        Assert.Null(host.Services.GetService<MeterProvider>());
        Assert.Empty(exported);
        Assert.False(Probe(host).Enabled);
    }

    [Fact]
    public void Credential_AadAuthenticationString_UsesTheUserAssignedIdentity()
    {
        Assert.IsType<ManagedIdentityCredential>(TelemetryExtensions.Credential("ClientId=abc;Authorization=AAD"));
        Assert.Null(TelemetryExtensions.Credential(null));
        Assert.Null(TelemetryExtensions.Credential("Authorization=None"));
    }
}
