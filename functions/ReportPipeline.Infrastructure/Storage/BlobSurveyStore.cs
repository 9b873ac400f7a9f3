using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Survey;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>
/// Editions live as blobs under <c>surveys/{period}/{edition}/</c>, indexed newest-first in the Surveys table;
/// <c>surveys/{period}/latest.json</c> points at the newest and moves only after its files are in place.
/// </summary>
public sealed class BlobSurveyStore(StorageClientFactory clients) : ISurveyStore
{
    public const string LatestFileName = "latest.json";
    private readonly TableClient _index = clients.Tables.GetTableClient(StorageNames.SurveysTable);

    public async Task<SurveyEdition?> GetLatestEditionAsync(string period, CancellationToken cancellationToken)
    {
        await foreach (var entity in _index.QueryAsync<TableEntity>(e => e.PartitionKey == period, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return new SurveyEdition(entity.PartitionKey, entity.GetString("Edition"), entity.GetString("ContentHash"),
                entity.GetDateTimeOffset("CompiledAt") ?? default, entity.GetDateTimeOffset("SourceChangedAt") ?? default,
                entity.GetInt32("StatesReporting") ?? 0, entity.GetString("Files").Split(','));
        }

        return null;
    }

    public async Task PublishAsync(SurveyEdition edition, IReadOnlyList<SurveyFile> files, CancellationToken cancellationToken)
    {
        var container = clients.Blobs.GetBlobContainerClient(StorageNames.SurveysContainer);
        foreach (var file in files)
        {
            var blob = container.GetBlobClient(SurveyLinkService.BlobName(edition.Period, edition.Edition, file.Name));
            await blob.UploadAsync(BinaryData.FromBytes(file.Content),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType } }, cancellationToken);
        }

        await _index.UpsertEntityAsync(new TableEntity(TableKeys.Checked(edition.Period), TableKeys.InvertedTicks(edition.CompiledAt))
        {
            ["Edition"] = edition.Edition,
            ["ContentHash"] = edition.ContentHash,
            ["CompiledAt"] = edition.CompiledAt,
            ["SourceChangedAt"] = edition.SourceChangedAt,
            ["StatesReporting"] = edition.StatesReporting,
            ["Files"] = string.Join(',', edition.Files),
        }, TableUpdateMode.Replace, cancellationToken);

        var pointer = JsonSerializer.SerializeToUtf8Bytes(new
        {
            period = edition.Period,
            edition = edition.Edition,
            compiledAt = edition.CompiledAt.ToString("O", CultureInfo.InvariantCulture),
            contentHash = edition.ContentHash,
            files = edition.Files.Select(f => SurveyLinkService.BlobName(edition.Period, edition.Edition, f)),
        });
        await container.GetBlobClient($"{edition.Period}/{LatestFileName}").UploadAsync(BinaryData.FromBytes(pointer),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
    }

    public async Task<ReadOnlyMemory<byte>?> ReadFileAsync(string period, string edition, string fileName, CancellationToken cancellationToken)
    {
        var blob = clients.Blobs.GetBlobContainerClient(StorageNames.SurveysContainer).GetBlobClient(SurveyLinkService.BlobName(period, edition, fileName));
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToMemory();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
