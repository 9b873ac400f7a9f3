using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Storage;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class IngestReportFunctionTests(AzuriteFixture azurite)
{
    private const string MarkedReport = """
        Mr. President, I thank Tunisia for convening this meeting.

        (a) Our border agencies still lack biometric equipment and trained staff.

        (b) Technical assistance from CTED and UNODC helped us draft terrorist financing legislation.

        (d) CTED and UNOCT should coordinate their assistance better.
        """;

    private async Task<IngestionOutcome> UploadAndRunAsync(string blobName, byte[] content)
    {
        return await azurite.UploadAndIngestAsync(blobName, BinaryData.FromBytes(content));
    }

    private async Task<List<string>> SnapshotAsync(Period period)
    {
        var rows = new List<string>();
        var partition = TableKeys.Partition(period);
        foreach (var name in new[] { StorageNames.UploadsTable, StorageNames.SubmissionsTable, StorageNames.AnswersTable })
        {
            await foreach (var e in azurite.Storage.Tables.GetTableClient(name).QueryAsync<TableEntity>(x => x.PartitionKey == partition, cancellationToken: TestContext.Current.CancellationToken))
            {
                rows.Add($"{name}|{e.RowKey}|{e.ETag}");
            }
        }

        return rows;
    }

    [Fact]
    public async Task RunAsync_MarkedReport_StoresSubmissionAndAnswers()
    {
        var period = AzuriteFixture.NewPeriod();

        var outcome = await UploadAndRunAsync($"{period}/NGA/statement.txt", Encoding.UTF8.GetBytes(MarkedReport));

        Assert.Equal(IngestionStatus.Accepted, outcome.Status);
        Assert.Equal("abd", outcome.Coverage.ToString());
        var store = azurite.Services.GetRequiredService<ISubmissionStore>();
        var submission = await store.GetSubmissionAsync(AzuriteFixture.Key(period, "NGA"), TestContext.Current.CancellationToken);
        Assert.Equal(1, submission!.Version);
        Assert.Equal("en", submission.Language);
        var answers = await store.ListCurrentAnswersAsync(period, TestContext.Current.CancellationToken);
        Assert.Equal([Question.A, Question.B, Question.D], answers.Select(a => a.Question));
        Assert.All(answers, a => Assert.Equal("NGA", a.State.Iso3));
        Assert.Equal(2, answers[0].Provenance[0].Paragraph);
        Assert.Contains("biometrics", answers[0].Themes);
    }

    [Fact]
    public async Task RunAsync_SameUploadTwice_ChangesNothing()
    {
        var period = AzuriteFixture.NewPeriod();
        var blobName = $"{period}/KEN/statement.txt";
        await UploadAndRunAsync(blobName, Encoding.UTF8.GetBytes(MarkedReport));
        var before = await SnapshotAsync(period);

        var second = await UploadAndRunAsync(blobName, Encoding.UTF8.GetBytes(MarkedReport));
        var afterReplay = await SnapshotAsync(period);

        Assert.Equal(IngestionStatus.Unchanged, second.Status);
        Assert.Equal(before, afterReplay);
    }

    [Fact]
    public async Task RunAsync_SameBytesUploadedLaterUnderAnotherName_KeepsVersionAndAnswersDatedByTheLaterUpload()
    {
        var period = AzuriteFixture.NewPeriod();
        var first = $"{period}/GHA/statement.txt";
        var copy = $"{period}/GHA/copy.txt";
        await UploadAndRunAsync(first, Encoding.UTF8.GetBytes(MarkedReport));
        var firstAt = (await azurite.Storage.Report(first).GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken)).Value.LastModified;
        var before = await SnapshotAsync(period);
        // Storage dates uploads to the second; the copy must be the later upload, which its name alone would not make it.
        DateTimeOffset copyAt;
        do
        {
            copyAt = (await azurite.Storage.Report(copy).UploadAsync(BinaryData.FromString(MarkedReport), overwrite: true, TestContext.Current.CancellationToken)).Value.LastModified;
        }
        while (copyAt <= firstAt);

        var again = await azurite.IngestAsync(copy);
        var after = await SnapshotAsync(period);

        Assert.Equal(IngestionStatus.Unchanged, again.Status);
        static bool IsAnswer(string row) => row.StartsWith(StorageNames.AnswersTable, StringComparison.Ordinal);
        Assert.Equal(before.Where(IsAnswer), after.Where(IsAnswer));
        Assert.Equal(before.Count + 1, after.Count);
        var current = await azurite.Services.GetRequiredService<ISubmissionStore>().GetSubmissionAsync(AzuriteFixture.Key(period, "GHA"), TestContext.Current.CancellationToken);
        Assert.Equal(1, current!.Version);
        Assert.Equal(copy, current.BlobName);
    }

    [Fact]
    public async Task RunAsync_UnknownState_RecordsRejectionAndKeepsBlob()
    {
        var period = AzuriteFixture.NewPeriod();
        var blobName = $"{period}/VAT/statement.txt";

        var outcome = await UploadAndRunAsync(blobName, Encoding.UTF8.GetBytes(MarkedReport));
        var replay = await UploadAndRunAsync(blobName, Encoding.UTF8.GetBytes(MarkedReport));

        Assert.Equal(IngestionStatus.Rejected, outcome.Status);
        Assert.Equal(ReasonCodes.UnknownState, outcome.ReasonCode);
        Assert.Equal(IngestionStatus.Rejected, replay.Status);
        var upload = await azurite.Services.GetRequiredService<ISubmissionStore>().GetUploadAsync(new UploadKey(period, "VAT", blobName), TestContext.Current.CancellationToken);
        Assert.Equal(IngestionStatus.Rejected, upload!.Status);
        Assert.Equal(ReasonCodes.UnknownState, upload.ReasonCode);
        Assert.True(await azurite.Storage.Report(blobName).ExistsAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await azurite.Services.GetRequiredService<ISubmissionStore>().ListSubmissionsAsync(period, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RunAsync_BadPeriod_RecordsRejectionUnfiledAndKeepsBlob()
    {
        var blobName = $"20X6-{Guid.NewGuid():N}/FRA/report.txt";

        var outcome = await UploadAndRunAsync(blobName, Encoding.UTF8.GetBytes(MarkedReport));

        Assert.Equal(ReasonCodes.BadPeriod, outcome.ReasonCode);
        var upload = await azurite.Services.GetRequiredService<ISubmissionStore>().GetUploadAsync(new UploadKey(null, "FRA", blobName), TestContext.Current.CancellationToken);
        Assert.Equal(ReasonCodes.BadPeriod, upload!.ReasonCode);
        var row = await azurite.Storage.Tables.GetTableClient(StorageNames.UploadsTable)
            .GetEntityAsync<TableEntity>(UploadKey.Unfiled, TableKeys.Upload(upload.Key).Row, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(blobName, row.Value.GetString(Columns.BlobName));
        Assert.True(await azurite.Storage.Report(blobName).ExistsAsync(TestContext.Current.CancellationToken));
        var quarantined = azurite.Storage.Blobs.GetBlobContainerClient(StorageNames.QuarantineContainer).GetBlobClient(blobName);
        var properties = await quarantined.GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(ReasonCodes.BadPeriod, properties.Value.Metadata[Columns.ReasonMetadata]);
    }

    [Fact]
    public async Task RunAsync_NewReportSameState_SupersedesAndKeepsHistory()
    {
        var period = AzuriteFixture.NewPeriod();
        await UploadAndRunAsync($"{period}/MEX/v1.txt", Encoding.UTF8.GetBytes(MarkedReport));

        var second = await UploadAndRunAsync($"{period}/MEX/v2.txt", Encoding.UTF8.GetBytes("(c) The Council should prioritise the protection of soft targets."));

        Assert.Equal(2, second.Version);
        var store = azurite.Services.GetRequiredService<ISubmissionStore>();
        var key = AzuriteFixture.Key(period, "MEX");
        Assert.Equal("c", (await store.GetSubmissionAsync(key, TestContext.Current.CancellationToken))!.Coverage.ToString());
        var answers = await store.ListCurrentAnswersAsync(period, TestContext.Current.CancellationToken);
        Assert.Equal([Question.C], answers.Select(a => a.Question));
        var history = await azurite.Storage.Tables.GetTableClient(StorageNames.SubmissionsTable)
            .GetEntityAsync<TableEntity>(period.Value, "MEX_v0001", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(("abd", false, "MEX"), (history.Value.GetString(Columns.Coverage), history.Value.GetBoolean(Columns.Current), history.Value.GetString(Columns.State)));
        Assert.Equal(["abd", "c"], (await store.ListVersionsAsync(key, TestContext.Current.CancellationToken)).Select(v => v.Coverage.ToString()));
    }
}
