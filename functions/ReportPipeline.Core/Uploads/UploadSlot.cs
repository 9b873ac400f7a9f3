namespace ReportPipeline.Core.Uploads;

/// <summary>A slot: PUT the file's bytes to <see cref="Url"/> (header <c>x-ms-blob-type: BlockBlob</c>) before <see cref="ExpiresAt"/>.</summary>
public sealed record UploadSlot(string BlobName, Uri Url, DateTimeOffset ExpiresAt);
