using ReportPipeline.Core.Ingestion;

namespace ReportPipeline.Core.Tests.Robustness;

/// <summary>Ingestion holds one copy of an upload: the buffer the hash, the analyzers and the quarantine all share.</summary>
public sealed class IngestionReadTests
{
    private const int Size = 32 * 1024 * 1024;

    [Fact]
    public async Task ReadBoundedAsync_SeekableStream_AllocatesTheFileOnce()
    {
        using var blob = new MemoryStream(new byte[Size], writable: false);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var content = await ReportIngestor.ReadBoundedAsync(blob, Size, TestContext.Current.CancellationToken);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(Size, content!.Value.Length);
        Assert.True(allocated < Size * 1.05, $"{allocated / (1024 * 1024)} MiB allocated to read {Size / (1024 * 1024)} MiB");
    }

    [Fact]
    public async Task ReadBoundedAsync_StreamOverTheLimit_ReadsNothingAndReturnsNull()
    {
        using var blob = new MemoryStream(new byte[Size], writable: false);

        Assert.Null(await ReportIngestor.ReadBoundedAsync(blob, Size - 1, TestContext.Current.CancellationToken));
        Assert.Equal(0, blob.Position);
    }

    [Fact]
    public async Task ReadBoundedAsync_UnseekableStream_ReturnsTheBytesWithoutAFinalCopy()
    {
        var bytes = new byte[1000];
        Random.Shared.NextBytes(bytes);
        using var stream = new UnseekableStream(bytes);

        var content = await ReportIngestor.ReadBoundedAsync(stream, bytes.Length, TestContext.Current.CancellationToken);

        Assert.Equal(bytes, content!.Value.ToArray());
        Assert.Null(await ReportIngestor.ReadBoundedAsync(new UnseekableStream(bytes), bytes.Length - 1, TestContext.Current.CancellationToken));
    }

    /// <summary>A stream that cannot tell its length, as a network response cannot.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
