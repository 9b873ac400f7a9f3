using System.Text.Json;
using Azure.Data.Tables;
using Polly.Registry;
using ReportPipeline.Core;
using ReportPipeline.Core.Extraction;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>
/// Uploads, Submissions and Answers in Table Storage. Answers are keyed by content hash, written before the
/// submission row that points at them, and the row is replaced under its ETag: a replay or a race leaves one
/// consistent current version, and every superseded version stays readable as a history row.
/// </summary>
public sealed class TableSubmissionStore(StorageClientFactory clients, ResiliencePipelineProvider<string> pipelines, MemberStateRegistry states)
    : ISubmissionStore
{
    private readonly TableClient _uploads = clients.Tables.GetTableClient(StorageNames.UploadsTable);
    private readonly TableClient _submissions = clients.Tables.GetTableClient(StorageNames.SubmissionsTable);
    private readonly TableClient _answers = clients.Tables.GetTableClient(StorageNames.AnswersTable);

    public async Task<UploadRecord?> GetUploadAsync(UploadKey key, CancellationToken cancellationToken)
    {
        var (partition, row) = TableKeys.Upload(key);
        var entity = await _uploads.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return entity.HasValue ? ToUpload(key, entity.Value!) : null;
    }

    public Task RecordUploadAsync(UploadRecord upload, CancellationToken cancellationToken)
    {
        var (partition, row) = TableKeys.Upload(upload.Key);
        var entity = new TableEntity(partition, row)
        {
            [Columns.BlobName] = upload.Key.BlobName,
            [Columns.State] = upload.Key.State,
            [Columns.Status] = upload.Status.ToString(),
            [Columns.Reason] = upload.ReasonCode,
            [Columns.Message] = upload.Message,
            [Columns.ContentHash] = upload.ContentHash,
            [Columns.Bytes] = upload.Bytes,
            [Columns.Version] = upload.Version,
            [Columns.ReceivedAt] = upload.ReceivedAt,
        };
        return _uploads.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<SubmissionRecord?> GetSubmissionAsync(SubmissionKey key, CancellationToken cancellationToken)
    {
        var (partition, row) = TableKeys.Submission(key);
        var entity = await _submissions.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return entity.HasValue ? ToSubmission(key, entity.Value!) : null;
    }

    public async Task<SubmissionSaveResult> SaveSubmissionAsync(SubmissionRecord submission, ExtractedReport report, CancellationToken cancellationToken)
    {
        var key = submission.Key;
        var (partition, row) = TableKeys.Submission(key);
        var pipeline = pipelines.GetPipeline(ResiliencePipelines.TableConcurrency);
        return await pipeline.ExecuteAsync(async token =>
        {
            var existing = await _submissions.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: token);
            var current = existing.HasValue ? existing.Value! : null;
            if (current is not null && current.GetString(Columns.ContentHash) == submission.ContentHash)
            {
                return new SubmissionSaveResult(ToSubmission(key, current), Changed: false);
            }

            await WriteAnswersAsync(submission, report, token);
            var stored = submission with { Version = (current?.GetInt32(Columns.Version) ?? 0) + 1 };
            var entity = ToEntity(stored, row, isCurrent: true);
            if (current is null)
            {
                await _submissions.AddEntityAsync(entity, token);
            }
            else
            {
                var superseded = ToSubmission(key, current);
                var history = ToEntity(superseded, TableKeys.SubmissionHistory(key, superseded.Version), isCurrent: false);
                await _submissions.UpsertEntityAsync(history, TableUpdateMode.Replace, token);
                await _submissions.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, token);
            }

            return new SubmissionSaveResult(stored, Changed: true);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<SubmissionRecord>> ListSubmissionsAsync(Period period, CancellationToken cancellationToken)
    {
        var list = new List<SubmissionRecord>();
        var partition = TableKeys.Partition(period);
        await foreach (var entity in _submissions.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            if (IsCurrent(entity) && states.TryGet(entity.GetString(Columns.State), out var state))
            {
                list.Add(ToSubmission(new SubmissionKey(period, state), entity));
            }
        }

        return list;
    }

    public async Task<IReadOnlyList<StoredAnswer>> ListCurrentAnswersAsync(Period period, CancellationToken cancellationToken) =>
        await ListCurrentAnswersAsync(period, await ListSubmissionsAsync(period, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<StoredAnswer>> ListCurrentAnswersAsync(Period period, IReadOnlyList<SubmissionRecord> current, CancellationToken cancellationToken)
    {
        var prefixes = current.ToDictionary(s => s.Key.State.Iso3, s => (s.Key.State, Prefix: TableKeys.AnswerPrefix(s.Key, s.ContentHash)), StringComparer.Ordinal);
        var rows = new List<(MemberState, TableEntity)>();
        var partition = TableKeys.Partition(period);
        await foreach (var entity in _answers.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            if (prefixes.TryGetValue(entity.GetString(Columns.State), out var version) && entity.RowKey.StartsWith(version.Prefix, StringComparison.Ordinal))
            {
                rows.Add((version.State, entity));
            }
        }

        return AnswerRows.Read(rows);
    }

    public async Task<IReadOnlyList<SubmissionRecord>> ListVersionsAsync(SubmissionKey key, CancellationToken cancellationToken)
    {
        var versions = new List<SubmissionRecord>();
        var (partition, row) = TableKeys.Submission(key);
        var (from, to) = TableKeys.SubmissionHistoryRange(key);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and (RowKey eq {row} or (RowKey ge {from} and RowKey lt {to}))");
        await foreach (var entity in _submissions.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            versions.Add(ToSubmission(key, entity));
        }

        return [.. versions.OrderBy(v => v.Version)];
    }

    public async Task<IReadOnlyList<StoredAnswer>> ListAnswersAsync(SubmissionKey key, string contentHash, CancellationToken cancellationToken)
    {
        var (from, to) = TableKeys.AnswerRange(key, contentHash);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Partition(key.Period)} and RowKey ge {from} and RowKey lt {to}");
        var rows = new List<(MemberState, TableEntity)>();
        await foreach (var entity in _answers.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add((key.State, entity));
        }

        return AnswerRows.Read(rows);
    }

    public async Task<IReadOnlyList<PeriodActivity>> ListPeriodActivityAsync(CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var columns = new[] { "PartitionKey", Columns.Current, Columns.ReceivedAt };
        await foreach (var entity in _submissions.QueryAsync<TableEntity>(select: columns, cancellationToken: cancellationToken))
        {
            if (IsCurrent(entity) && entity.GetDateTimeOffset(Columns.ReceivedAt) is { } at
                && (!latest.TryGetValue(entity.PartitionKey, out var seen) || at > seen))
            {
                latest[entity.PartitionKey] = at;
            }
        }

        return [.. latest.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Period.TryParse(p.Key, out var period) ? new PeriodActivity(period, p.Value) : null)
            .OfType<PeriodActivity>()];
    }

    private async Task WriteAnswersAsync(SubmissionRecord submission, ExtractedReport report, CancellationToken cancellationToken)
    {
        foreach (var batch in AnswerRows.Batches(AnswerRows.Build(submission, report)))
        {
            await _answers.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
        }
    }

    private static bool IsCurrent(TableEntity entity) => entity.GetBoolean(Columns.Current) == true;

    private static TableEntity ToEntity(SubmissionRecord s, string rowKey, bool isCurrent) => new(TableKeys.Partition(s.Key.Period), rowKey)
    {
        [Columns.State] = s.Key.State.Iso3,
        [Columns.Current] = isCurrent,
        [Columns.ContentHash] = s.ContentHash,
        [Columns.BlobName] = s.BlobName,
        [Columns.Format] = s.Format,
        [Columns.Language] = s.Language,
        [Columns.Pages] = s.Pages,
        [Columns.Coverage] = s.Coverage.ToString(),
        [Columns.Warnings] = JsonSerializer.Serialize(s.Warnings),
        [Columns.ReceivedAt] = s.ReceivedAt,
        [Columns.Version] = s.Version,
    };

    private static SubmissionRecord ToSubmission(SubmissionKey key, TableEntity e) => new(
        key, e.GetString(Columns.ContentHash), e.GetString(Columns.BlobName), e.GetString(Columns.Format), e.GetString(Columns.Language),
        e.GetInt32(Columns.Pages) ?? 0, QuestionSet.TryParse(e.GetString(Columns.Coverage), out var coverage) ? coverage : QuestionSet.Empty,
        JsonSerializer.Deserialize<List<string>>(e.GetString(Columns.Warnings) ?? "[]") ?? [],
        e.GetDateTimeOffset(Columns.ReceivedAt) ?? DateTimeOffset.MinValue, e.GetInt32(Columns.Version) ?? 0);

    private static UploadRecord ToUpload(UploadKey key, TableEntity e) => new(
        key, Enum.Parse<IngestionStatus>(e.GetString(Columns.Status)), e.GetString(Columns.Reason), e.GetString(Columns.Message),
        e.GetString(Columns.ContentHash) ?? "", e.GetInt64(Columns.Bytes) ?? 0, e.GetInt32(Columns.Version) ?? 0,
        e.GetDateTimeOffset(Columns.ReceivedAt) ?? DateTimeOffset.MinValue);
}
