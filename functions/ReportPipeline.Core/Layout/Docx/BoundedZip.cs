using System.IO.Compression;

namespace ReportPipeline.Core.Layout.Docx;

/// <summary>
/// Copies a zip into memory entry by entry, stopping as soon as the entry count or the bytes actually inflated pass
/// their limits: a zip bomb costs at most the limit, whatever sizes its directory claims.
/// </summary>
internal static class BoundedZip
{
    public static MemoryStream Copy(ReadOnlyMemory<byte> content, long maxBytes, int maxEntries, CancellationToken cancellationToken)
    {
        var output = new MemoryStream();
        try
        {
            using var source = new ZipArchive(AsStream(content), ZipArchiveMode.Read);
            if (source.Entries.Count > maxEntries)
            {
                throw TooLarge($"The Word file has {source.Entries.Count} parts; at most {maxEntries} are accepted.");
            }

            var declared = source.Entries.Sum(e => e.Length);
            if (declared > maxBytes)
            {
                throw TooLarge($"The Word file would inflate to {declared / (1024 * 1024)} MiB; at most {maxBytes / (1024 * 1024)} MiB are accepted.");
            }

            using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                var budget = maxBytes;
                var buffer = new byte[81920];
                foreach (var entry in source.Entries)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var input = entry.Open();
                    using var copy = target.CreateEntry(entry.FullName, CompressionLevel.NoCompression).Open();
                    int read;
                    while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        budget -= read;
                        if (budget < 0)
                        {
                            throw TooLarge($"The Word file inflates to more than {maxBytes / (1024 * 1024)} MiB, the most accepted.");
                        }

                        copy.Write(buffer, 0, read);
                    }
                }
            }

            output.Position = 0;
            return output;
        }
        catch (InvalidDataException)
        {
            output.Dispose();
            throw new ReportRejectedException(ReasonCodes.Corrupt, "The Word file is damaged (its zip structure cannot be read).");
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    private static Stream AsStream(ReadOnlyMemory<byte> content) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    private static ReportRejectedException TooLarge(string message) => new(ReasonCodes.TooLarge, message);
}
