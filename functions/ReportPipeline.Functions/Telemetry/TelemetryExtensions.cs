using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using ReportPipeline.Core.Telemetry;
using ReportPipeline.Infrastructure;

namespace ReportPipeline.Functions.Telemetry;

/// <summary>
/// OpenTelemetry from the worker to Application Insights: logs with their scopes (State, Period, Submission),
/// the Functions traces, and the pipeline's meter. host.json sets <c>telemetryMode: OpenTelemetry</c> so the host
/// does not forward the same logs a second time. Off when no connection string is set (local runs).
/// </summary>
public static class TelemetryExtensions
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static FunctionsApplicationBuilder AddReportPipelineTelemetry(this FunctionsApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[ConnectionStringSetting]))
        {
            return builder;
        }

        // Information and up reach Application Insights: an explicit rule, so no provider default (such as the
        // Application Insights SDK's Warning-only rule) decides what operators can see.
        builder.Logging.AddFilter<OpenTelemetryLoggerProvider>(null, LogLevel.Information);
        builder.Services.Configure<OpenTelemetryLoggerOptions>(options =>
        {
            options.IncludeScopes = true;
            options.IncludeFormattedMessage = true;
        });
        var credential = Credential(builder.Configuration[AuthenticationStringSetting]);
        builder.Services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithMetrics(metrics => metrics.AddMeter(PipelineMetrics.MeterName))
            .UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = builder.Configuration[ConnectionStringSetting];
                options.Credential = credential;
            });
        return builder;
    }

    /// <summary>
    /// Application Insights has local auth off, so ingestion needs an Entra token: the user-assigned identity named
    /// in <c>ClientId=…;Authorization=AAD</c>, as the Functions host reads the same setting.
    /// </summary>
    public static TokenCredential? Credential(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return AzureCredentials.For(parts.GetValueOrDefault("ClientId"));
    }
}
