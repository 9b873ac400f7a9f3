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
    /// <summary>A string property holds 32K UTF-16 characters; longer answers are chunked.</summary>
    public const int ChunkLength = 30_000;
    private const int MaxBatch = 100;

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

    public async Task<IReadOnlyList<StoredAnswer>> ListCurrentAnswersAsync(string period, CancellationToken cancellationToken)
    {
        var current = (await ListSubmissionsAsync(period, cancellationToken))
            .ToDictionary(s => s.Iso3, s => TableKeys.AnswerPrefix(s.Iso3, s.ContentHash), StringComparer.Ordinal);
        var rows = new List<TableEntity>();
        await foreach (var entity in _answers.QueryAsync<TableEntity>(e => e.PartitionKey == period, cancellationToken: cancellationToken))
        {
            if (current.TryGetValue(entity.GetString("State"), out var prefix) && entity.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                rows.Add(entity);
            }
        }

        return [.. rows
            .GroupBy(r => (Iso3: r.GetString("State"), Entry: r.GetInt32("Entry") ?? 0))
            .OrderBy(g => g.Key.Iso3, StringComparer.Ordinal).ThenBy(g => g.Key.Entry)
            .Select(g =>
            {
                var chunks = g.OrderBy(r => r.GetInt32("Chunk")).ToList();
                var first = chunks[0];
                return new StoredAnswer(g.Key.Iso3, first.GetString("Question")[0], g.Key.Entry,
                    string.Concat(chunks.Select(c => c.GetString("Text"))), first.GetDouble("Confidence") ?? 0, first.GetString("Method"),
                    JsonSerializer.Deserialize<List<Provenance>>(first.GetString("Provenance")) ?? [],
                    first.GetString("Themes") is { Length: > 0 } t ? t.Split(',') : []);
            })];
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
        var entities = new List<TableEntity>();
        for (var entry = 0; entry < report.Answers.Count; entry++)
        {
            var answer = report.Answers[entry];
            var chunks = answer.Text.Chunk(ChunkLength).Select(c => new string(c)).DefaultIfEmpty("").ToList();
            for (var chunk = 0; chunk < chunks.Count; chunk++)
            {
                entities.Add(new TableEntity(submission.Period, TableKeys.Answer(submission.Iso3, submission.ContentHash, answer.Question, entities.Count))
                {
                    ["State"] = submission.Iso3,
                    ["Question"] = answer.Question.ToString(),
                    ["Entry"] = entry,
                    ["Chunk"] = chunk,
                    ["Text"] = chunks[chunk],
                    ["Confidence"] = answer.Confidence,
                    ["Method"] = answer.Method,
                    ["Provenance"] = JsonSerializer.Serialize(answer.Provenance),
                    ["Themes"] = string.Join(',', answer.Themes),
                });
            }
        }

        foreach (var batch in entities.Chunk(MaxBatch))
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
