using Azure.Data.Tables;
using ReportPipeline.Core.Survey.Translation;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>
/// The <c>Translations</c> table: PK the target language, RK the passage's SHA-256, <c>Text</c> the machine translation.
/// A passage is at most 600 characters, far below a property's 32K.
/// </summary>
public sealed class TableTranslationCache(StorageClientFactory clients) : ITranslationCache
{
    private const int Batch = 100;
    private readonly TableClient _table = clients.Tables.GetTableClient(StorageNames.TranslationsTable);

    public async Task<IReadOnlyDictionary<string, string>> GetAsync(string to, IReadOnlyCollection<string> hashes, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var partition = TableKeys.Checked(to);
        foreach (var hash in hashes)
        {
            var entity = await _table.GetEntityIfExistsAsync<TableEntity>(partition, TableKeys.Checked(hash), [Columns.Text], cancellationToken);
            if (entity.HasValue && entity.Value!.GetString(Columns.Text) is { } text)
            {
                found[hash] = text;
            }
        }

        return found;
    }

    public async Task PutAsync(string to, IReadOnlyDictionary<string, string> translations, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Checked(to);
        foreach (var chunk in translations.Chunk(Batch))
        {
            await _table.SubmitTransactionAsync(
                chunk.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                    new TableEntity(partition, TableKeys.Checked(t.Key)) { [Columns.Text] = t.Value })),
                cancellationToken);
        }
    }
}
