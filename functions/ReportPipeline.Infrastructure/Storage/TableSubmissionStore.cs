using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Polly.Registry;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>
/// Uploads, Submissions and Answers in Table Storage. Answers are keyed by content hash and extractor, written before the
/// submission row that points at them, and the current row (which also holds the highest version number given) is replaced
/// under its ETag: a replay or a race leaves one consistent current version, the latest upload, and every other version
/// stays readable as a history row.
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
            [Columns.ExtractorVersion] = upload.ExtractorVersion,
        };
        if (upload.UploadedAt != DateTimeOffset.MinValue)
        {
            entity[Columns.UploadedAt] = upload.UploadedAt;
        }

        return _uploads.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<UploadRecord>> ListUploadsAsync(Period period, string? state, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Partition(period);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        if (state is not null)
        {
            var (from, to) = TableKeys.UploadRange(state);
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
        }

        var uploads = new List<UploadRecord>();
        await foreach (var entity in _uploads.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            uploads.Add(ToUpload(new UploadKey(period, entity.GetString(Columns.State), entity.GetString(Columns.BlobName)), entity));
        }

        return uploads;
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
            var entity = existing.HasValue ? existing.Value! : null;
            var current = entity is null ? null : ToSubmission(key, entity);
            var highest = entity?.GetInt32(Columns.Versions) ?? current?.Version ?? 0;
            var history = SubmissionRules.NeedsHistory(submission, current) ? await ListHistoryAsync(key, token) : [];
            var (placement, stored) = SubmissionRules.Place(submission, current, highest, history);
            if (placement == Placement.Unchanged)
            {
                return new SubmissionSaveResult(stored, Changed: SubmissionRules.IsSameSave(stored, submission));
            }

            if (placement != Placement.Resubmitted)
            {
                await WriteAnswersAsync(stored, report, token);
            }

            if (entity is null)
            {
                await _submissions.AddEntityAsync(CurrentEntity(stored, stored.Version), token);
            }
            else if (placement == Placement.Current)
            {
                await _submissions.UpsertEntityAsync(HistoryEntity(current!), TableUpdateMode.Replace, token);
                await _submissions.UpdateEntityAsync(CurrentEntity(stored, stored.Version), entity.ETag, TableUpdateMode.Replace, token);
            }
            else if (stored.Version == current!.Version)
            {
                await _submissions.UpdateEntityAsync(CurrentEntity(stored, highest), entity.ETag, TableUpdateMode.Replace, token);
            }
            else if (placement == Placement.History)
            {
                // The number is taken on the current row first, under its ETag, so no racer can give it to another version.
                var taken = new TableEntity(partition, row) { [Columns.Versions] = stored.Version };
                await _submissions.UpdateEntityAsync(taken, entity.ETag, TableUpdateMode.Merge, token);
                await _submissions.UpsertEntityAsync(HistoryEntity(stored), TableUpdateMode.Replace, token);
            }
            else
            {
                await _submissions.UpsertEntityAsync(HistoryEntity(stored), TableUpdateMode.Replace, token);
            }

            // Sent again, the current report is no new evidence: its answers and number stay, only its date moves on.
            return new SubmissionSaveResult(stored, Changed: placement != Placement.Resubmitted);
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
        var prefixes = current.ToDictionary(s => s.Key.State.Iso3, s => (s.Key.State, Prefix: TableKeys.AnswerPrefix(s)), StringComparer.Ordinal);
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
        var current = await GetSubmissionAsync(key, cancellationToken);
        var history = await ListHistoryAsync(key, cancellationToken);
        return SubmissionRules.InUploadOrder(current is null ? history : [.. history, current]);
    }

    public async Task<IReadOnlyList<StoredAnswer>> ListAnswersAsync(SubmissionRecord version, CancellationToken cancellationToken)
    {
        var rows = new List<(MemberState, TableEntity)>();
        await foreach (var entity in QueryAnswersAsync(version, cancellationToken))
        {
            rows.Add((version.Key.State, entity));
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

    private async Task<List<SubmissionRecord>> ListHistoryAsync(SubmissionKey key, CancellationToken cancellationToken)
    {
        var (from, to) = TableKeys.SubmissionHistoryRange(key);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Partition(key.Period)} and RowKey ge {from} and RowKey lt {to}");
        var history = new List<SubmissionRecord>();
        await foreach (var entity in _submissions.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            history.Add(ToSubmission(key, entity));
        }

        return history;
    }

    private IAsyncEnumerable<TableEntity> QueryAnswersAsync(SubmissionRecord version, CancellationToken cancellationToken)
    {
        var (from, to) = TableKeys.AnswerRange(version);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Partition(version.Key.Period)} and RowKey ge {from} and RowKey lt {to}");
        return _answers.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Writes one extraction's rows, then deletes any other row under its prefix (left by an earlier write of the same
    /// extraction that was longer), so the rows under a prefix are always exactly one extraction's.
    /// </summary>
    private async Task WriteAnswersAsync(SubmissionRecord submission, ExtractedReport report, CancellationToken cancellationToken)
    {
        var rows = AnswerRows.Build(submission, report);
        foreach (var batch in AnswerRows.Batches(rows))
        {
            await _answers.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
        }

        var written = rows.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        var leftovers = new List<TableEntity>();
        await foreach (var entity in QueryAnswersAsync(submission, cancellationToken))
        {
            if (!written.Contains(entity.RowKey))
            {
                leftovers.Add(entity);
            }
        }

        foreach (var batch in leftovers.Chunk(AnswerRows.MaxBatchEntities))
        {
            await _answers.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), cancellationToken);
        }
    }

    private static bool IsCurrent(TableEntity entity) => entity.GetBoolean(Columns.Current) == true;

    private static TableEntity CurrentEntity(SubmissionRecord s, int highestVersion)
    {
        var entity = ToEntity(s, TableKeys.Submission(s.Key).Row, isCurrent: true);
        entity[Columns.Versions] = highestVersion;
        return entity;
    }

    private static TableEntity HistoryEntity(SubmissionRecord s) => ToEntity(s, TableKeys.SubmissionHistory(s.Key, s.Version), isCurrent: false);

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
        [Columns.UploadedAt] = s.UploadedAt,
        [Columns.ReceivedAt] = s.ReceivedAt,
        [Columns.ExtractorVersion] = s.ExtractorVersion,
        [Columns.Version] = s.Version,
    };

    /// <summary>Rows stored before upload times and extractor versions were recorded read as uploaded when received, by no known extractor.</summary>
    private static SubmissionRecord ToSubmission(SubmissionKey key, TableEntity e)
    {
        var receivedAt = e.GetDateTimeOffset(Columns.ReceivedAt) ?? DateTimeOffset.MinValue;
        return new(key, e.GetString(Columns.ContentHash), e.GetString(Columns.BlobName), e.GetString(Columns.Format), e.GetString(Columns.Language),
            e.GetInt32(Columns.Pages) ?? 0, QuestionSet.TryParse(e.GetString(Columns.Coverage), out var coverage) ? coverage : QuestionSet.Empty,
            JsonSerializer.Deserialize<List<string>>(e.GetString(Columns.Warnings) ?? "[]") ?? [],
            e.GetDateTimeOffset(Columns.UploadedAt) ?? receivedAt, receivedAt, e.GetString(Columns.ExtractorVersion) ?? "", e.GetInt32(Columns.Version) ?? 0);
    }

    private static UploadRecord ToUpload(UploadKey key, TableEntity e) => new(
        key, Enum.Parse<IngestionStatus>(e.GetString(Columns.Status)), e.GetString(Columns.Reason), e.GetString(Columns.Message),
        e.GetString(Columns.ContentHash) ?? "", e.GetInt64(Columns.Bytes) ?? 0, e.GetInt32(Columns.Version) ?? 0,
        e.GetDateTimeOffset(Columns.UploadedAt) ?? DateTimeOffset.MinValue, e.GetDateTimeOffset(Columns.ReceivedAt) ?? DateTimeOffset.MinValue,
        e.GetString(Columns.ExtractorVersion) ?? "");
}
