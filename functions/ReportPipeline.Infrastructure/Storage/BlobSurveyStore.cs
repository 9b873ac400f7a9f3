using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using ReportPipeline.Core;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>
/// Editions live as blobs under <c>surveys/{period}/{edition}/</c>, indexed newest-first in the Surveys table;
/// <c>surveys/{period}/latest.json</c> points at the newest and moves only after its files are in place.
/// </summary>
public sealed class BlobSurveyStore(StorageClientFactory clients, TimeProvider time) : ISurveyStore
{
    public const string LatestFileName = "latest.json";
    private readonly TableClient _index = clients.Tables.GetTableClient(StorageNames.SurveysTable);
    private readonly BlobContainerClient _container = clients.Blobs.GetBlobContainerClient(StorageNames.SurveysContainer);

    public async Task<SurveyEdition?> GetLatestEditionAsync(Period period, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Partition(period);
        await foreach (var entity in _index.QueryAsync<TableEntity>(e => e.PartitionKey == partition, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return ToEdition(period, entity);
        }

        return null;
    }

    public async Task<IReadOnlyList<SurveyEdition>> ListEditionsAsync(Period period, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Partition(period);
        var editions = new List<SurveyEdition>();
        await foreach (var entity in _index.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            editions.Add(ToEdition(period, entity));
        }

        return editions;
    }

    public async Task PublishAsync(SurveyEdition edition, IReadOnlyList<SurveyFile> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            await File(edition, file.Name).UploadAsync(BinaryData.FromBytes(file.Content),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType } }, cancellationToken);
        }

        await _index.UpsertEntityAsync(new TableEntity(TableKeys.Partition(edition.Period), TableKeys.InvertedTicks(edition.CompiledAt))
        {
            [Columns.Edition] = edition.Edition,
            [Columns.ContentHash] = edition.ContentHash,
            [Columns.CompiledAt] = edition.CompiledAt,
            [Columns.SourceChangedAt] = edition.SourceChangedAt,
            [Columns.StatesReporting] = edition.StatesReporting,
            [Columns.Files] = string.Join(',', edition.Files),
        }, TableUpdateMode.Replace, cancellationToken);

        var pointer = JsonSerializer.SerializeToUtf8Bytes(new
        {
            period = edition.Period.Value,
            edition = edition.Edition,
            compiledAt = edition.CompiledAt.ToString("O", CultureInfo.InvariantCulture),
            contentHash = edition.ContentHash,
            files = edition.Files.Select(f => File(edition, f).Name),
        });
        await _container.GetBlobClient($"{edition.Period}/{LatestFileName}").UploadAsync(BinaryData.FromBytes(pointer),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
    }

    public async Task<ReadOnlyMemory<byte>?> ReadFileAsync(SurveyEdition edition, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            var content = await File(edition, fileName).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToMemory();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<FileLink>> IssueReadLinksAsync(SurveyEdition edition, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var links = new List<FileLink>();
        foreach (var file in edition.Files)
        {
            links.Add(new FileLink(file, await BlobSas.IssueAsync(clients.Blobs, File(edition, file), BlobSasPermissions.Read, now, now + lifetime, cancellationToken)));
        }

        return links;
    }

    private BlobClient File(SurveyEdition edition, string fileName) => _container.GetBlobClient($"{edition.Period}/{edition.Edition}/{fileName}");

    private static SurveyEdition ToEdition(Period period, TableEntity entity) => new(period, entity.GetString(Columns.Edition), entity.GetString(Columns.ContentHash),
        entity.GetDateTimeOffset(Columns.CompiledAt) ?? default, entity.GetDateTimeOffset(Columns.SourceChangedAt) ?? default,
        entity.GetInt32(Columns.StatesReporting) ?? 0, entity.GetString(Columns.Files).Split(','));
}
