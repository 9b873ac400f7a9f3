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
/// Layouts as JSON blobs <c>layouts/{content hash}.json</c>, holding their format version and content hash, written
/// create-only: a retry, a second upload of the same bytes or a re-extraction leaves the first, and a blob that cannot be
/// read (damaged, another format version) is never replaced, so paragraph ids never move under a review. Reads and
/// writes are bounded at twice the upload limit.
/// </summary>
public sealed class BlobLayoutStore(StorageClientFactory clients, IOptions<IngestionOptions> options) : ILayoutStore
{
    /// <summary>
    /// The format version written, and the only one read. Kept layouts are never replaced, so a change to the stored form
    /// raising it must keep reading the versions before it, or those reports are analysed at every ingest and read.
    /// </summary>
    public const int FormatVersion = 1;

    // Relaxed escaping keeps Arabic, Chinese and Cyrillic at their UTF-8 size; the blob is read by this class alone, never served.
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly BlobContainerClient _container = clients.Blobs.GetBlobContainerClient(StorageNames.LayoutsContainer);

    private long MaxBytes => 2 * options.Value.MaxReportBytes;

    public async Task<KeptLayout> GetAsync(string contentHash, CancellationToken cancellationToken)
    {
        BlobDownloadStreamingResult download;
        try
        {
            download = (await Blob(contentHash).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return KeptLayout.None;
        }

        using (download)
        {
            if (download.Details.ContentLength > MaxBytes)
            {
                return KeptLayout.Unreadable($"{download.Details.ContentLength} bytes, more than the {MaxBytes} read");
            }

            StoredLayout? stored;
            try
            {
                stored = await JsonSerializer.DeserializeAsync<StoredLayout>(download.Content, s_json, cancellationToken);
            }
            catch (JsonException)
            {
                return KeptLayout.Unreadable("not a layout in JSON");
            }

            return stored switch
            {
                null => KeptLayout.Unreadable("not a layout in JSON"),
                { Version: not FormatVersion } => KeptLayout.Unreadable($"format version {stored.Version}, and this code reads {FormatVersion}"),
                { IsWhole: false } => KeptLayout.Unreadable("not a layout in JSON"),
                _ when stored.ContentHash != contentHash => KeptLayout.Unreadable("the layout of another content hash"),
                _ => KeptLayout.Of(stored.ToLayout()),
            };
        }
    }

    public async Task<LayoutDocument?> KeepAsync(string contentHash, LayoutDocument layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var content = BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(StoredLayout.Of(contentHash, layout), s_json));
        if (content.ToMemory().Length > MaxBytes)
        {
            return null;
        }

        try
        {
            await Blob(contentHash).UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            return layout;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Kept first by another ingest of the same bytes: its paragraphs are the ones every extraction and review names.
            return (await GetAsync(contentHash, cancellationToken)).Layout ?? layout;
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

        /// <summary>Whether every part a layout needs is there: JSON may leave any of them out or null.</summary>
        public bool IsWhole => Language is not null && Paragraphs is not null && Tables is not null && Warnings is not null
            && Paragraphs.All(p => p?.Text is not null) && Tables.All(t => t?.Rows is not null && t.Rows.All(r => r is not null && !r.Contains(null)))
            && !Warnings.Contains(null);

        public LayoutDocument ToLayout() => new(Format, Language, Pages,
            [.. Paragraphs.Select(p => new LayoutParagraph(p.Page, p.Index, p.Role, p.Text, p.Level))], Tables, Warnings);
    }

    private sealed record StoredParagraph(int Page, int Index, ParagraphRole Role, string Text, int Level);
}
