using Azure.Storage.Blobs.Models;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Infrastructure.Storage;

/// <summary>Copies a refused report to <c>reports-quarantine</c> under the same name, the reason in its metadata.</summary>
public sealed class BlobReportQuarantine(StorageClientFactory clients) : IReportQuarantine
{
    private const int MaxMetadataLength = 1024;

    public async Task QuarantineAsync(UploadKey upload, ReadOnlyMemory<byte> content, string reasonCode, string message, CancellationToken cancellationToken)
    {
        var blob = clients.Blobs.GetBlobContainerClient(StorageNames.QuarantineContainer).GetBlobClient(upload.BlobName);
        var options = new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string>
            {
                [Columns.ReasonMetadata] = reasonCode,
                [Columns.MessageMetadata] = AsciiMetadata(message),
            },
        };
        await blob.UploadAsync(BinaryData.FromBytes(content), options, cancellationToken);
    }

    /// <summary>Blob metadata travels in HTTP headers, so it must stay ASCII and short.</summary>
    private static string AsciiMetadata(string text)
    {
        var ascii = new string([.. text.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        return ascii.Length <= MaxMetadataLength ? ascii : ascii[..MaxMetadataLength];
    }
}
