namespace ReportPipeline.Core.Storage;

/// <summary>
/// A stored report being read: its bytes, and when it was uploaded (the time its content was last written, which for a
/// create-only upload slot is when it was created).
/// </summary>
public sealed record StoredReport(Stream Content, DateTimeOffset UploadedAt) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
