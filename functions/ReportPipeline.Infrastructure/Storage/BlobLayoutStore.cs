using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>
/// Layouts as JSON blobs <c>layouts/{content hash}.json</c>, holding their format version and content hash. A layout is
/// written once (create-only), so a retry or a second upload of the same bytes leaves the first; only a blob that cannot
/// be read as the current format version is replaced, under its ETag. Reads and writes are bounded at twice the upload limit.
/// </summary>
public sealed class BlobLayoutStore(StorageClientFactory clients, IOptions<IngestionOptions> options) : ILayoutStore
{
    /// <summary>Raise it when the stored form changes: layouts of another version read as missing, so reports are analysed again.</summary>
    public const int FormatVersion = 1;

    // Relaxed escaping keeps Arabic, Chinese and Cyrillic at their UTF-8 size; the blob is read by this class alone, never served.
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly BlobContainerClient _container = clients.Blobs.GetBlobContainerClient(StorageNames.LayoutsContainer);

    private long MaxBytes => 2 * options.Value.MaxReportBytes;

    public async Task<LayoutDocument?> GetAsync(string contentHash, CancellationToken cancellationToken) =>
        (await ReadAsync(contentHash, cancellationToken)).Layout;

    public async Task<LayoutDocument?> KeepAsync(string contentHash, LayoutDocument layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var content = BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(StoredLayout.Of(contentHash, layout), s_json));
        if (content.ToMemory().Length > MaxBytes)
        {
            return null;
        }

        var blob = Blob(contentHash);
        try
        {
            await blob.UploadAsync(content, Upload(new BlobRequestConditions { IfNoneMatch = ETag.All }), cancellationToken);
            return layout;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            var (kept, etag) = await ReadAsync(contentHash, cancellationToken);
            if (kept is not null || etag is not { } replaced)
            {
                return kept ?? layout;
            }

            try
            {
                await blob.UploadAsync(content, Upload(new BlobRequestConditions { IfMatch = replaced }), cancellationToken);
                return layout;
            }
            catch (RequestFailedException again) when (again.Status is 404 or 409 or 412)
            {
                // Another writer replaced or removed it first: the next read finds what it left.
                return layout;
            }
        }
    }

    /// <summary>The layout when the blob holds one of the current version for this hash, and the blob's ETag when there is a blob.</summary>
    private async Task<(LayoutDocument? Layout, ETag? ETag)> ReadAsync(string contentHash, CancellationToken cancellationToken)
    {
        BlobDownloadStreamingResult download;
        try
        {
            download = (await Blob(contentHash).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (null, null);
        }

        using (download)
        {
            if (download.Details.ContentLength > MaxBytes)
            {
                return (null, download.Details.ETag);
            }

            try
            {
                var stored = await JsonSerializer.DeserializeAsync<StoredLayout>(download.Content, s_json, cancellationToken);
                return (stored is { Version: FormatVersion, Paragraphs: not null, Tables: not null, Warnings: not null } && stored.ContentHash == contentHash ? stored.ToLayout() : null, download.Details.ETag);
            }
            catch (JsonException)
            {
                return (null, download.Details.ETag);
            }
        }
    }

    private BlobClient Blob(string contentHash)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        if (contentHash.Length != 64 || contentHash.AsSpan().ContainsAnyExcept("0123456789abcdef"))
        {
            throw new ArgumentException($"'{contentHash}' is not a lower-case hex SHA-256 content hash.", nameof(contentHash));
        }

        return _container.GetBlobClient($"{contentHash}.json");
    }

    private static BlobUploadOptions Upload(BlobRequestConditions conditions) =>
        new() { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" }, Conditions = conditions };

    /// <summary>The stored form: the format version and content hash, then every part of the <see cref="LayoutDocument"/>.</summary>
    private sealed record StoredLayout(
        int Version,
        string ContentHash,
        DocumentFormat Format,
        string Language,
        int Pages,
        IReadOnlyList<StoredParagraph> Paragraphs,
        IReadOnlyList<LayoutTable> Tables,
        IReadOnlyList<string> Warnings)
    {
        public static StoredLayout Of(string contentHash, LayoutDocument layout) => new(FormatVersion, contentHash, layout.Format, layout.Language, layout.Pages,
            [.. layout.Paragraphs.Select(p => new StoredParagraph(p.Page, p.Index, p.Role, p.Text, p.HeadingLevel))], layout.Tables, layout.Warnings);

        public LayoutDocument ToLayout() => new(Format, Language, Pages,
            [.. Paragraphs.Select(p => new LayoutParagraph(p.Page, p.Index, p.Role, p.Text, p.Level))], Tables, Warnings);
    }

    private sealed record StoredParagraph(int Page, int Index, ParagraphRole Role, string Text, int Level);
}
