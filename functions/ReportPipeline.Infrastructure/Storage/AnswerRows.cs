using System.Text.Json;
using Azure.Data.Tables;
using ReportPipeline.Core;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>
/// How an answer lies in the Answers table: its text and its provenance split over as many rows as the
/// 32K-character property limit needs (never inside a surrogate pair), and rows grouped into transactions
/// within the service's limits of 100 entities and 4 MiB per batch.
/// </summary>
public static class AnswerRows
{
    /// <summary>A string property holds 32K UTF-16 characters; stay under it with room for the row's other properties.</summary>
    public const int ChunkLength = 30_000;

    public const int MaxBatchEntities = 100;

    /// <summary>Half the service's 4 MiB payload limit, against the estimate below.</summary>
    public const long MaxBatchBytes = 2 * 1024 * 1024;

    private const int RowOverheadBytes = 1024;

    /// <summary>The rows of every answer of one extraction of a state's report, with deterministic keys.</summary>
    public static List<TableEntity> Build(SubmissionRecord submission, ExtractedReport report)
    {
        var entities = new List<TableEntity>();
        for (var entry = 0; entry < report.Answers.Count; entry++)
        {
            var answer = report.Answers[entry];
            var text = Split(answer.Text, ChunkLength);
            var provenance = Split(JsonSerializer.Serialize(answer.Provenance), ChunkLength);
            var rows = Math.Max(text.Count, provenance.Count);
            for (var chunk = 0; chunk < rows; chunk++)
            {
                var row = TableKeys.Answer(submission, answer.Question, entities.Count);
                entities.Add(new TableEntity(TableKeys.Partition(submission.Key.Period), row)
                {
                    [Columns.State] = submission.Key.State.Iso3,
                    [Columns.Question] = answer.Question.ToString(),
                    [Columns.Entry] = entry,
                    [Columns.Chunk] = chunk,
                    [Columns.Text] = chunk < text.Count ? text[chunk] : "",
                    [Columns.Provenance] = chunk < provenance.Count ? provenance[chunk] : "",
                    [Columns.Confidence] = answer.Confidence,
                    [Columns.Method] = answer.Method,
                    [Columns.Themes] = string.Join(',', answer.Themes),
                });
            }
        }

        return entities;
    }

    /// <summary>Reassembles the answers of the given states' rows, in state and entry order.</summary>
    public static List<StoredAnswer> Read(IEnumerable<(MemberState State, TableEntity Row)> rows) =>
        [.. rows
            .GroupBy(r => (r.State, Entry: r.Row.GetInt32(Columns.Entry) ?? 0))
            .OrderBy(g => g.Key.State.Iso3, StringComparer.Ordinal).ThenBy(g => g.Key.Entry)
            .Select(g =>
            {
                var chunks = g.Select(r => r.Row).OrderBy(r => r.GetInt32(Columns.Chunk)).ToList();
                var first = chunks[0];
                var provenance = string.Concat(chunks.Select(c => c.GetString(Columns.Provenance)));
                return new StoredAnswer(g.Key.State, Question.Parse(first.GetString(Columns.Question)), g.Key.Entry,
                    string.Concat(chunks.Select(c => c.GetString(Columns.Text))), first.GetDouble(Columns.Confidence) ?? 0, first.GetString(Columns.Method),
                    provenance.Length > 0 ? JsonSerializer.Deserialize<List<Provenance>>(provenance) ?? [] : [],
                    first.GetString(Columns.Themes) is { Length: > 0 } t ? t.Split(',') : []);
            })];

    /// <summary>Splits text into pieces of at most <paramref name="length"/> characters, never between the halves of a surrogate pair.</summary>
    public static List<string> Split(string text, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        var pieces = new List<string>();
        var start = 0;
        while (text.Length - start > length)
        {
            var end = start + length;
            if (char.IsHighSurrogate(text[end - 1]))
            {
                end--;
            }

            pieces.Add(text[start..end]);
            start = end;
        }

        pieces.Add(text[start..]);
        return pieces;
    }

    /// <summary>Groups rows of one partition into transactions of at most 100 entities and <see cref="MaxBatchBytes"/>.</summary>
    public static List<List<TableEntity>> Batches(IEnumerable<TableEntity> entities)
    {
        var batches = new List<List<TableEntity>>();
        var current = new List<TableEntity>();
        long bytes = 0;
        foreach (var entity in entities)
        {
            var size = EstimateBytes(entity);
            if (current.Count > 0 && (current.Count == MaxBatchEntities || bytes + size > MaxBatchBytes))
            {
                batches.Add(current);
                current = [];
                bytes = 0;
            }

            current.Add(entity);
            bytes += size;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }

    /// <summary>Worst case on the wire: JSON may escape every character as <c>\uXXXX</c>.</summary>
    public static long EstimateBytes(TableEntity entity) =>
        RowOverheadBytes + entity.Sum(p => p.Value is string s ? 6L * s.Length : 32L);
}
