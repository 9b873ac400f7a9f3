using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ReportPipeline.Core.Survey;
using ReportPipeline.Core.Telemetry;

namespace ReportPipeline.IntegrationTests.Telemetry;

/// <summary>One counter increment per ingested, rejected and compiled item, on the meter the worker exports.</summary>
[Trait("Category", "Integration")]
public sealed class PipelineMetricsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task IngestAndCompile_CountEachItemOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = AzuriteFixture.NewPeriod();
        await using var services = azurite.CreateServices();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var ingested = new MetricCollector<long>(meters, PipelineMetrics.MeterName, "reportpipeline.reports.ingested");
        using var rejected = new MetricCollector<long>(meters, PipelineMetrics.MeterName, "reportpipeline.reports.rejected");
        using var compiled = new MetricCollector<long>(meters, PipelineMetrics.MeterName, "reportpipeline.surveys.compiled");

        await RunAsync(services, $"{period}/KEN/reply.txt", "(a) Our border agencies lack equipment.\n\n(b) Assistance helped.", ct);
        await RunAsync(services, $"{period}/KEN/empty.txt", "", ct);
        await RunAsync(services, $"{period}/KEN/reply.txt", "(a) Our border agencies lack equipment.\n\n(b) Assistance helped.", ct);
        await services.GetRequiredService<SurveyPublisher>().CompileAsync(period, ct);

        var accepted = Assert.Single(ingested.GetMeasurementSnapshot());
        Assert.Equal(1, accepted.Value);
        Assert.Equal("KEN", accepted.Tags["state"]);
        var refused = Assert.Single(rejected.GetMeasurementSnapshot());
        Assert.Equal("empty", refused.Tags["reason"]);
        var edition = Assert.Single(compiled.GetMeasurementSnapshot());
        Assert.Equal(true, edition.Tags["published"]);
    }

    private async Task RunAsync(IServiceProvider services, string blobName, string text, CancellationToken ct)
    {
        await azurite.UploadAndIngestAsync(blobName, BinaryData.FromString(text), services);
    }
}
