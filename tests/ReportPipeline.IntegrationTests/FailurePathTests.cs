using System.Diagnostics.Metrics;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Telemetry;
using ReportPipeline.Functions.Ingestion;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.IntegrationTests;

/// <summary>
/// Failures get an owner: attempts that fail leave their reason on the upload's row, and a real poison message on the
/// Azurite queue the blob extension uses, handed to RecordFailedIngest as the host would, turns the row into Failed.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FailurePathTests(AzuriteFixture azurite)
{
    /// <summary>
    /// Bytes no other test ingests: a layout kept for the same bytes would be extracted from without calling the failing
    /// analyzer, and the outage these tests play would never be met.
    /// </summary>
    private static string Report() => $"(a) Our border agencies lack biometric equipment (case {Guid.NewGuid():N}).\n\n(b) Assistance from UNODC helped.";

    /// <summary>The poison queue as the host reaches it: the trigger's connection, Base64 messages (the host's default encoding).</summary>
    private QueueClient PoisonQueue() =>
        new(azurite.ConnectionString, RecordFailedIngestFunction.PoisonQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>Puts a message on the poison queue as the blob extension does after the last try, and receives it as the queue trigger does.</summary>
    private async Task<string> PoisonAsync(string functionId, string container, string blobName)
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = PoisonQueue();
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        var message = JsonSerializer.Serialize(new
        {
            Type = "BlobTrigger",
            FunctionId = functionId,
            BlobType = "BlockBlob",
            ContainerName = container,
            BlobName = blobName,
            ETag = "\"0x8DE2F6D0A1B2C3D\"",
        });
        await queue.SendMessageAsync(message, ct);
        var received = Assert.Single((await queue.ReceiveMessagesAsync(1, cancellationToken: ct)).Value);
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, ct);
        return received.Body.ToString();
    }

    [Fact]
    public async Task RunAsync_PoisonMessageAfterAnOcrOutage_RecordsFailedWithTheReasonAndCountsIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = AzuriteFixture.NewPeriod();
        var blobName = $"{period}/KEN/scan.pdf";
        var outage = new ServiceUnavailableException(ReasonCodes.OcrUnavailable, "circuit open", new HttpRequestException("503 from di-secret-name"));
        await using var services = azurite.CreateServices(s => s.AddSingleton<IDocumentAnalyzer>(new FailingAnalyzer(outage)));
        using var failed = new MetricCollector<long>(services.GetRequiredService<IMeterFactory>(), PipelineMetrics.MeterName, "reportpipeline.reports.failed");
        await azurite.Storage.Report(blobName).UploadAsync(BinaryData.FromString(Report()), ct);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await Assert.ThrowsAsync<ServiceUnavailableException>(() => azurite.IngestAsync(blobName, services));
        }

        var between = Assert.Single(await services.GetRequiredService<UploadStatusQuery>().ListAsync(period, "KEN", ct));
        var message = await PoisonAsync("Host.Functions.IngestReport", StorageNames.ReportsContainer, blobName);
        var row = await services.GetRequiredService<RecordFailedIngestFunction>().RunAsync(message, ct);

        Assert.Equal((IngestionStatus.Processing, ReasonCodes.OcrUnavailable), (between.Status, between.ReasonCode));
        Assert.Equal((IngestionStatus.Failed, ReasonCodes.OcrUnavailable), (row!.Status, row.ReasonCode));
        var status = Assert.Single(await services.GetRequiredService<UploadStatusQuery>().ListAsync(period, "KEN", ct));
        Assert.Equal((IngestionStatus.Failed, ReasonCodes.OcrUnavailable, false), (status.Status, status.ReasonCode, status.Current));
        Assert.Equal(IngestionFailures.Message(ReasonCodes.OcrUnavailable), status.Message);
        Assert.DoesNotContain("di-secret-name", status.Message, StringComparison.Ordinal);
        Assert.NotNull(status.UploadedAt);
        Assert.Equal(ReasonCodes.OcrUnavailable, Assert.Single(failed.GetMeasurementSnapshot()).Tags["reason"]);
    }

    [Fact]
    public async Task RunAsync_FailedUploadReprocessedOnceTheServiceIsBack_Accepted()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = AzuriteFixture.NewPeriod();
        var blobName = $"{period}/GHA/scan.txt";
        await using (var down = azurite.CreateServices(s => s.AddSingleton<IDocumentAnalyzer>(new FailingAnalyzer(new TimeoutException()))))
        {
            await azurite.Storage.Report(blobName).UploadAsync(BinaryData.FromString(Report()), ct);
            var failed = await down.GetRequiredService<UploadReconciler>().ReprocessAsync(blobName, ct);
            Assert.Equal((IngestionStatus.Failed, ReasonCodes.Timeout), (failed.Status, failed.ReasonCode));
        }

        var again = await azurite.Services.GetRequiredService<UploadReconciler>().ReprocessAsync(blobName, ct);

        Assert.Equal((IngestionStatus.Accepted, 1), (again.Status, again.Version));
        var status = Assert.Single(await azurite.Services.GetRequiredService<UploadStatusQuery>().ListAsync(period, "GHA", ct));
        Assert.Equal((IngestionStatus.Accepted, (string?)null, true), (status.Status, status.ReasonCode, status.Current));
    }

    [Theory]
    [InlineData("Host.Functions.CompileSurvey", "reports")]
    [InlineData("Host.Functions.IngestReport", "surveys")]
    [InlineData("Host.Functions.IngestReport", "")]
    public async Task RunAsync_PoisonMessageOfAnotherFunctionOrContainer_Ignored(string functionId, string container)
    {
        var period = AzuriteFixture.NewPeriod();
        var message = await PoisonAsync(functionId, container, $"{period}/KEN/x.txt");

        var row = await azurite.Services.GetRequiredService<RecordFailedIngestFunction>().RunAsync(message, TestContext.Current.CancellationToken);

        Assert.Null(row);
        Assert.Empty(await azurite.Services.GetRequiredService<UploadStatusQuery>().ListAsync(period, null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RunAsync_NotJson_Ignored()
    {
        var row = await azurite.Services.GetRequiredService<RecordFailedIngestFunction>().RunAsync("not json {", TestContext.Current.CancellationToken);

        Assert.Null(row);
    }

    /// <summary>An analyzer whose service is down: every call throws what the real one would after its retries.</summary>
    private sealed class FailingAnalyzer(Exception failure) : IDocumentAnalyzer
    {
        public Task<LayoutDocument> AnalyzeAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken cancellationToken) => throw failure;
    }
}
