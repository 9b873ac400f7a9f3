using System.IO.Compression;
using System.Xml;
using ReportPipeline.Core;

namespace ReportPipeline.Documents.Docx;

/// <summary>
/// Copies a zip into memory entry by entry, stopping as soon as the entry count, the bytes actually inflated, or one
/// XML part's bytes pass their limits: a zip bomb costs at most the limit, whatever sizes its directory claims.
/// A part is XML by what the package says and holds, never by its name alone: OPC types a part in
/// <c>[Content_Types].xml</c>, so a main document named <c>word/document</c> (no extension) is parsed like any other.
/// </summary>
internal static class BoundedZip
{
    private const string ContentTypesEntry = "[Content_Types].xml";

    /// <summary>
    /// The copy, and the positions in it of the entries that are (or may be) XML: the ones whose nesting must be checked.
    /// Positions, not names: a zip may hold two entries of one name.
    /// </summary>
    public static MemoryStream Copy(
        ReadOnlyMemory<byte> content, long maxBytes, int maxEntries, long maxXmlPartBytes, out IReadOnlySet<int> xmlParts, CancellationToken cancellationToken)
    {
        var output = new MemoryStream();
        var xml = new HashSet<int>();
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

            var types = ContentTypes.Read(source.GetEntry(ContentTypesEntry), maxXmlPartBytes);
            using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                var budget = maxBytes;
                var buffer = new byte[81920];
                foreach (var (index, entry) in source.Entries.Index())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var input = entry.Open();
                    using var copy = target.CreateEntry(entry.FullName, CompressionLevel.NoCompression).Open();
                    // Images may be large; an XML part is what the reader holds in memory as a tree, many times its size. A part
                    // typed as something else is still XML for these limits when its first character is an angle bracket.
                    bool? isXml = types.IsXml(entry.FullName) ? true : null;
                    var partBudget = maxXmlPartBytes;
                    int read;
                    while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        isXml ??= Sniff(buffer.AsSpan(0, read));
                        budget -= read;
                        partBudget -= read;
                        if (budget < 0)
                        {
                            throw TooLarge($"The Word file inflates to more than {maxBytes / (1024 * 1024)} MiB, the most accepted.");
                        }

                        if (partBudget < 0 && isXml != false)
                        {
                            throw TooLarge($"The Word file's part {entry.FullName} is larger than {maxXmlPartBytes / (1024 * 1024)} MiB, the most accepted for one part.");
                        }

                        copy.Write(buffer, 0, read);
                    }

                    if (isXml != false)
                    {
                        xml.Add(index);
                    }
                }
            }

            output.Position = 0;
            xmlParts = xml;
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

    /// <summary>
    /// True when the part's first character, after byte-order marks, white space and the zero bytes of UTF-16, is &lt;; false
    /// for anything else; null while <paramref name="start"/> holds none of those yet.
    /// </summary>
    private static bool? Sniff(ReadOnlySpan<byte> start)
    {
        foreach (var b in start)
        {
            if (b is not (0x00 or 0xEF or 0xBB or 0xBF or 0xFE or 0xFF or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b == (byte)'<';
            }
        }

        return null;
    }

    private static ReportRejectedException TooLarge(string message) => new(ReasonCodes.TooLarge, message);

    /// <summary>
    /// The package's content types: overrides by part name, defaults by extension. A part with none of either is treated
    /// as XML, and so is any type that is XML (<c>…+xml</c>, <c>application/xml</c>, <c>text/xml</c>).
    /// </summary>
    private sealed class ContentTypes(Dictionary<string, string> overrides, Dictionary<string, string> defaults)
    {
        private const string Namespace = "http://schemas.openxmlformats.org/package/2006/content-types";

        public bool IsXml(string entryName)
        {
            if (entryName.Equals(ContentTypesEntry, StringComparison.OrdinalIgnoreCase)
                || entryName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entryName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var extension = Path.GetExtension(entryName).TrimStart('.');
            return !(overrides.TryGetValue("/" + entryName, out var type) || (extension.Length > 0 && defaults.TryGetValue(extension, out type)))
                || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
                || type.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
                || type.Equals("text/xml", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Reads <c>[Content_Types].xml</c> within the XML part limit; none (a damaged package) makes every part XML.</summary>
        public static ContentTypes Read(ZipArchiveEntry? entry, long maxXmlPartBytes)
        {
            var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (entry is null)
            {
                return new(overrides, defaults);
            }

            if (entry.Length > maxXmlPartBytes)
            {
                throw TooLarge($"The Word file's part {ContentTypesEntry} is larger than {maxXmlPartBytes / (1024 * 1024)} MiB, the most accepted for one part.");
            }

            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = maxXmlPartBytes };
            try
            {
                using var reader = XmlReader.Create(entry.Open(), settings);
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != Namespace || reader.GetAttribute("ContentType") is not { } type)
                    {
                        continue;
                    }

                    // Part names are URIs: /word/docu%6Dent is /word/document.
                    if (reader.LocalName == "Override" && reader.GetAttribute("PartName") is { } part)
                    {
                        overrides[Uri.UnescapeDataString(part)] = type;
                    }
                    else if (reader.LocalName == "Default" && reader.GetAttribute("Extension") is { } extension)
                    {
                        defaults[extension] = type;
                    }
                }
            }
            catch (XmlException)
            {
                // The Open XML SDK refuses the package for this; meanwhile every part counts as XML.
                overrides.Clear();
                defaults.Clear();
            }

            return new(overrides, defaults);
        }
    }
}
