using Microsoft.Extensions.DependencyInjection;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.IntegrationTests;

/// <summary>The ingestion path reads the seed PDFs, Word and HTML files with the same analyzers as <c>analyze</c>.</summary>
[Trait("Category", "Integration")]
public sealed class IngestSeedDocumentTests(AzuriteFixture azurite)
{
    private async Task<IngestionOutcome> IngestSeedAsync(Period period, string state, string file)
    {
        var content = await File.ReadAllBytesAsync(Path.Combine(AzuriteFixture.RepoRoot, "seeds", "documents", file), TestContext.Current.CancellationToken);
        return await azurite.UploadAndIngestAsync($"{period}/{state}/{file}", BinaryData.FromBytes(content));
    }

    [Theory]
    [InlineData("EGY", "egy-report.pdf", "ar")]
    [InlineData("CHN", "chn-report.pdf", "zh")]
    [InlineData("GBR", "gbr-report.docx", "en")]
    [InlineData("SAU", "sau-report.html", "ar")]
    public async Task RunAsync_SeedDocument_IsAcceptedWithItsLanguage(string state, string file, string language)
    {
        var period = AzuriteFixture.NewPeriod();

        var outcome = await IngestSeedAsync(period, state, file);

        Assert.Equal(IngestionStatus.Accepted, outcome.Status);
        var submission = await azurite.Services.GetRequiredService<ISubmissionStore>().GetSubmissionAsync(AzuriteFixture.Key(period, state), TestContext.Current.CancellationToken);
        Assert.Equal(language, submission!.Language);
    }

    [Theory]
    [InlineData("encrypted.pdf", ReasonCodes.Encrypted)]
    [InlineData("zip-bomb.docx", ReasonCodes.TooLarge)]
    [InlineData("scan-image-only.pdf", ReasonCodes.NeedsOcr)]
    [InlineData("corrupt.pdf", ReasonCodes.Corrupt)]
    public async Task RunAsync_BadSeedDocument_IsRejectedWithReasonAndTheBlobStays(string file, string reason)
    {
        var period = AzuriteFixture.NewPeriod();

        var outcome = await IngestSeedAsync(period, "ESP", file);

        Assert.Equal(IngestionStatus.Rejected, outcome.Status);
        Assert.Equal(reason, outcome.ReasonCode);
        var upload = await azurite.Services.GetRequiredService<ISubmissionStore>().GetUploadAsync(new UploadKey(period, "ESP", $"{period}/ESP/{file}"), TestContext.Current.CancellationToken);
        Assert.Equal((reason, $"{period}/ESP/{file}"), (upload!.ReasonCode, upload.Key.BlobName));
        Assert.True(await azurite.Storage.Report($"{period}/ESP/{file}").ExistsAsync(TestContext.Current.CancellationToken));
    }
}
