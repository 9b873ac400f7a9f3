using System.Runtime.InteropServices;

namespace ReportPipeline.Documents;

/// <summary>A report's bytes as a stream for parsers that want one, without copying them when an array holds them.</summary>
internal static class ReadOnlyStream
{
    public static MemoryStream Over(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
}
