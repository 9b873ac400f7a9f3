using System.Text.Json;
using Azure.Data.Tables;
using Polly.Registry;
using ReportPipeline.Core.Extraction;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>
/// Uploads, Submissions and Answers in Table Storage. Answers are keyed by content hash, written before the
/// submission row that points at them, and the row is replaced under its ETag: a replay or a race leaves one
/// consistent current version, and every superseded version stays readable as a history row.
/// </summary>
public sealed class TableSubmissionStore(StorageClientFactory clients, ResiliencePipelineProvider<string> pipelines) : ISubmissionStore
{
    private readonly TableClient _uploads = clients.Tables.GetTableClient(StorageNames.UploadsTable);
    private readonly TableClient _submissions = clients.Tables.GetTableClient(StorageNames.SubmissionsTable);
    private readonly TableClient _answers = clients.Tables.GetTableClient(StorageNames.AnswersTable);

    public async Task<UploadRecord?> GetUploadAsync(string period, string state, string blobName, CancellationToken cancellationToken)
    {
        var entity = await _uploads.GetEntityIfExistsAsync<TableEntity>(period, TableKeys.Upload(state, blobName), cancellationToken: cancellationToken);
        return entity.HasValue ? ToUpload(entity.Value!) : null;
    }

    public Task RecordUploadAsync(UploadRecord upload, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(TableKeys.Checked(upload.Period), TableKeys.Upload(upload.State, upload.BlobName))
        {
            ["BlobName"] = upload.BlobName,
            ["State"] = upload.State,
            ["Status"] = upload.Status.ToString(),
            ["Reason"] = upload.ReasonCode,
            ["Message"] = upload.Message,
            ["ContentHash"] = upload.ContentHash,
            ["Bytes"] = upload.Bytes,
            ["Version"] = upload.Version,
            ["ReceivedAt"] = upload.ReceivedAt,
        };
        return _uploads.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<SubmissionRecord?> GetSubmissionAsync(string period, string iso3, CancellationToken cancellationToken)
    {
        var entity = await _submissions.GetEntityIfExistsAsync<TableEntity>(period, iso3, cancellationToken: cancellationToken);
        return entity.HasValue ? ToSubmission(entity.Value!) : null;
    }

    public async Task<SubmissionSaveResult> SaveSubmissionAsync(SubmissionRecord submission, ExtractedReport report, CancellationToken cancellationToken)
    {
        TableKeys.Checked(submission.Period);
        TableKeys.Checked(submission.Iso3);
        var pipeline = pipelines.GetPipeline(ResiliencePipelines.TableConcurrency);
        return await pipeline.ExecuteAsync(async token =>
        {
            var existing = await _submissions.GetEntityIfExistsAsync<TableEntity>(submission.Period, submission.Iso3, cancellationToken: token);
            var current = existing.HasValue ? existing.Value! : null;
            if (current is not null && current.GetString("ContentHash") == submission.ContentHash)
            {
                return new SubmissionSaveResult(ToSubmission(current), Changed: false);
            }

            await WriteAnswersAsync(submission, report, token);
            var stored = submission with { Version = (current?.GetInt32("Version") ?? 0) + 1 };
            var entity = ToEntity(stored, TableKeys.Checked(stored.Iso3));
            if (current is null)
            {
                await _submissions.AddEntityAsync(entity, token);
            }
            else
            {
                var history = ToEntity(ToSubmission(current), TableKeys.SubmissionHistory(stored.Iso3, current.GetInt32("Version") ?? 0));
                await _submissions.UpsertEntityAsync(history, TableUpdateMode.Replace, token);
                await _submissions.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, token);
            }

            return new SubmissionSaveResult(stored, Changed: true);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<SubmissionRecord>> ListSubmissionsAsync(string period, CancellationToken cancellationToken)
    {
        var list = new List<SubmissionRecord>();
        await foreach (var entity in _submissions.QueryAsync<TableEntity>(e => e.PartitionKey == period, cancellationToken: cancellationToken))
        {
            if (!entity.RowKey.Contains('_', StringComparison.Ordinal))
            {
                list.Add(ToSubmission(entity));
            }
        }

        return list;
    }

    public async Task<IReadOnlyList<StoredAnswer>> ListCurrentAnswersAsync(string period, CancellationToken cancellationToken) =>
        await ListCurrentAnswersAsync(period, await ListSubmissionsAsync(period, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<StoredAnswer>> ListCurrentAnswersAsync(string period, IReadOnlyList<SubmissionRecord> current, CancellationToken cancellationToken)
    {
        var prefixes = current.ToDictionary(s => s.Iso3, s => TableKeys.AnswerPrefix(s.Iso3, s.ContentHash), StringComparer.Ordinal);
        var rows = new List<TableEntity>();
        await foreach (var entity in _answers.QueryAsync<TableEntity>(e => e.PartitionKey == period, cancellationToken: cancellationToken))
        {
            if (prefixes.TryGetValue(entity.GetString("State"), out var prefix) && entity.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                rows.Add(entity);
            }
        }

        return AnswerRows.Read(rows);
    }

    public async Task<IReadOnlyList<SubmissionRecord>> ListVersionsAsync(string period, string iso3, CancellationToken cancellationToken)
    {
        var versions = new List<SubmissionRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {period} and (RowKey eq {iso3} or (RowKey ge {iso3 + "_v"} and RowKey lt {iso3 + "_w"}))");
        await foreach (var entity in _submissions.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            versions.Add(ToSubmission(entity));
        }

        return [.. versions.OrderBy(v => v.Version)];
    }

    public async Task<IReadOnlyList<StoredAnswer>> ListAnswersAsync(string period, string iso3, string contentHash, CancellationToken cancellationToken)
    {
        // Row keys of one version share a prefix ending in '_'; '`' is the character after it.
        var prefix = TableKeys.AnswerPrefix(iso3, contentHash);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {period} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "`"}");
        var rows = new List<TableEntity>();
        await foreach (var entity in _answers.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(entity);
        }

        return AnswerRows.Read(rows);
    }

    public async Task<IReadOnlyList<PeriodActivity>> ListPeriodActivityAsync(CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var entity in _submissions.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "ReceivedAt"], cancellationToken: cancellationToken))
        {
            if (!entity.RowKey.Contains('_', StringComparison.Ordinal) && entity.GetDateTimeOffset("ReceivedAt") is { } at
                && (!latest.TryGetValue(entity.PartitionKey, out var seen) || at > seen))
            {
                latest[entity.PartitionKey] = at;
            }
        }

        return [.. latest.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new PeriodActivity(p.Key, p.Value))];
    }

    private async Task WriteAnswersAsync(SubmissionRecord submission, ExtractedReport report, CancellationToken cancellationToken)
    {
        foreach (var batch in AnswerRows.Batches(AnswerRows.Build(submission, report)))
        {
            await _answers.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
        }
    }

    private static TableEntity ToEntity(SubmissionRecord s, string rowKey) => new(TableKeys.Checked(s.Period), rowKey)
    {
        ["ContentHash"] = s.ContentHash,
        ["BlobName"] = s.BlobName,
        ["Format"] = s.Format,
        ["Language"] = s.Language,
        ["Pages"] = s.Pages,
        ["Coverage"] = s.Coverage,
        ["Warnings"] = JsonSerializer.Serialize(s.Warnings),
        ["ReceivedAt"] = s.ReceivedAt,
        ["Version"] = s.Version,
    };

    private static SubmissionRecord ToSubmission(TableEntity e) => new(
        e.PartitionKey, e.RowKey.Split('_')[0], e.GetString("ContentHash"), e.GetString("BlobName"), e.GetString("Format"), e.GetString("Language"),
        e.GetInt32("Pages") ?? 0, e.GetString("Coverage") ?? "", JsonSerializer.Deserialize<List<string>>(e.GetString("Warnings") ?? "[]") ?? [],
        e.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue, e.GetInt32("Version") ?? 0);

    private static UploadRecord ToUpload(TableEntity e) => new(
        e.GetString("BlobName"), e.PartitionKey, e.GetString("State"), Enum.Parse<IngestionStatus>(e.GetString("Status")), e.GetString("Reason"),
        e.GetString("Message"), e.GetString("ContentHash") ?? "", e.GetInt64("Bytes") ?? 0, e.GetInt32("Version") ?? 0,
        e.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue);
}
