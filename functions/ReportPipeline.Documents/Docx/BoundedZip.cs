using System.IO.Compression;
using ReportPipeline.Core;

namespace ReportPipeline.Documents.Docx;

/// <summary>
/// Copies a zip into memory entry by entry, stopping as soon as the entry count, the bytes actually inflated, or one
/// XML part's bytes pass their limits: a zip bomb costs at most the limit, whatever sizes its directory claims.
/// </summary>
internal static class BoundedZip
{
    public static MemoryStream Copy(ReadOnlyMemory<byte> content, long maxBytes, int maxEntries, long maxXmlPartBytes, CancellationToken cancellationToken)
    {
        var output = new MemoryStream();
        try
        {
            using var source = new ZipArchive(ReadOnlyStream.Over(content), ZipArchiveMode.Read);
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
                    // Images may be large; an XML part is what the reader holds in memory as a tree, many times its size.
                    var partBudget = IsXml(entry.FullName) ? maxXmlPartBytes : long.MaxValue;
                    int read;
                    while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        budget -= read;
                        partBudget -= read;
                        if (budget < 0)
                        {
                            throw TooLarge($"The Word file inflates to more than {maxBytes / (1024 * 1024)} MiB, the most accepted.");
                        }

                        if (partBudget < 0)
                        {
                            throw TooLarge($"The Word file's part {entry.FullName} is larger than {maxXmlPartBytes / (1024 * 1024)} MiB, the most accepted for one part.");
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

    public static bool IsXml(string entryName) =>
        entryName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entryName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    private static ReportRejectedException TooLarge(string message) => new(ReasonCodes.TooLarge, message);
}
