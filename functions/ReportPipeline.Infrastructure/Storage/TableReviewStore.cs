using System.Net;
using Azure.Data.Tables;
using ReportPipeline.Core;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Review;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>
/// Reviews in Table Storage, partitioned by period: per report a head row holding the revision, and one row per decision after it.
/// A decision is stored in one transaction with the head row, added or replaced under its ETag, so of two saves made on the same
/// revision exactly one is stored and the other is told; no row is ever updated but the head.
/// </summary>
public sealed class TableReviewStore(StorageClientFactory clients, MemberStateRegistry states) : IReviewStore
{
    private readonly TableClient _reviews = clients.Tables.GetTableClient(StorageNames.ReviewsTable);

    public async Task<ReviewLog> GetAsync(SubmissionKey key, string contentHash, CancellationToken cancellationToken)
    {
        var (from, to) = TableKeys.ReviewRange(key, contentHash);
        var partition = TableKeys.Partition(key.Period);
        var rows = new List<TableEntity>();
        await foreach (var entity in _reviews.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}"), cancellationToken: cancellationToken))
        {
            rows.Add(entity);
        }

        return ToLog(key, contentHash, rows);
    }

    public async Task<ReviewLog> AppendAsync(SubmissionKey key, string contentHash, int expectedRevision, ReviewDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var partition = TableKeys.Partition(key.Period);
        var headKey = TableKeys.Review(key, contentHash);
        var head = await _reviews.GetEntityIfExistsAsync<TableEntity>(partition, headKey, cancellationToken: cancellationToken);
        var stored = head.HasValue ? head.Value!.GetInt32(Columns.Revision) ?? 0 : 0;
        if (stored != expectedRevision || decision.Revision != expectedRevision + 1)
        {
            throw new ReviewConflictException(await GetAsync(key, contentHash, cancellationToken), expectedRevision, decision);
        }

        var newHead = new TableEntity(partition, headKey)
        {
            [Columns.State] = key.State.Iso3,
            [Columns.ContentHash] = contentHash,
            [Columns.Revision] = decision.Revision,
            [Columns.At] = decision.At,
        };
        TableTransactionAction[] actions =
        [
            head.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, newHead, head.Value!.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, newHead),
            new TableTransactionAction(TableTransactionActionType.Add, ToEntity(partition, TableKeys.ReviewDecision(key, contentHash, decision.Revision), decision)),
        ];
        try
        {
            await _reviews.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict)
        {
            throw new ReviewConflictException(await GetAsync(key, contentHash, cancellationToken), expectedRevision, decision);
        }

        return await GetAsync(key, contentHash, cancellationToken);
    }

    public Task<IReadOnlyList<ReviewLog>> ListAsync(Period period, CancellationToken cancellationToken) =>
        ListAsync(period, TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Partition(period)}"), cancellationToken);

    /// <summary>One state's rows are a range of the period's partition: every row key of its reviews starts with its code.</summary>
    public Task<IReadOnlyList<ReviewLog>> ListAsync(SubmissionKey key, CancellationToken cancellationToken)
    {
        var (from, to) = TableKeys.ReviewStateRange(key);
        return ListAsync(key.Period, TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Partition(key.Period)} and RowKey ge {from} and RowKey lt {to}"), cancellationToken);
    }

    private async Task<IReadOnlyList<ReviewLog>> ListAsync(Period period, string filter, CancellationToken cancellationToken)
    {
        var heads = new List<TableEntity>();
        var decisions = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        await foreach (var entity in _reviews.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var separators = entity.RowKey.Count(c => c == '_');
            if (separators == 1)
            {
                heads.Add(entity);
                continue;
            }

            var head = entity.RowKey[..entity.RowKey.LastIndexOf('_')];
            if (!decisions.TryGetValue(head, out var rows))
            {
                decisions[head] = rows = [];
            }

            rows.Add(entity);
        }

        var logs = new List<ReviewLog>();
        foreach (var head in heads)
        {
            if (!states.TryGet(head.GetString(Columns.State) ?? "", out var state))
            {
                continue;
            }

            logs.Add(ToLog(new SubmissionKey(period, state), head.GetString(Columns.ContentHash) ?? "", [head, .. decisions.GetValueOrDefault(head.RowKey) ?? []]));
        }

        return logs;
    }

    private static ReviewLog ToLog(SubmissionKey key, string contentHash, IReadOnlyList<TableEntity> rows)
    {
        var decisions = rows.Where(r => r.ContainsKey(Columns.Action)).Select(ToDecision).OrderBy(d => d.Revision).ToList();
        return new ReviewLog(key, contentHash, decisions.Count == 0 ? 0 : decisions[^1].Revision, decisions);
    }

    private static TableEntity ToEntity(string partition, string row, ReviewDecision d) => new(partition, row)
    {
        [Columns.Revision] = d.Revision,
        [Columns.Action] = d.Action.ToString(),
        [Columns.Passage] = d.Passage,
        [Columns.Question] = d.Question?.ToString() ?? "",
        [Columns.Paragraph] = d.Paragraph,
        [Columns.Text] = d.Text,
        [Columns.ById] = d.ById,
        [Columns.ByName] = d.ByName,
        [Columns.At] = d.At,
        [Columns.Seen] = string.Join(' ', d.Seen),
    };

    private static ReviewDecision ToDecision(TableEntity e) => new(
        e.GetInt32(Columns.Revision) ?? 0,
        Enum.Parse<ReviewAction>(e.GetString(Columns.Action) ?? ""),
        e.GetString(Columns.Passage) ?? "",
        e.GetString(Columns.Question) is { Length: 1 } q && Question.TryParse(q[0], out var question) ? question : null,
        e.GetString(Columns.Paragraph) ?? "",
        e.GetString(Columns.Text) ?? "",
        e.GetString(Columns.ById) ?? "",
        e.GetString(Columns.ByName) ?? "",
        e.GetDateTimeOffset(Columns.At) ?? DateTimeOffset.MinValue,
        (e.GetString(Columns.Seen) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
