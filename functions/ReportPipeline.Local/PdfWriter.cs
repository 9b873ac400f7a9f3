using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ReportPipeline.Local;

/// <summary>
/// Writes a PDF object by object with a correct cross-reference table, for what PdfPig's builder cannot make: rotated
/// pages and text, filled-in form fields, a damaged page, a compression bomb, junk before the header (the robustness
/// tests), a scanned page with no text layer (the soak).
/// </summary>
public sealed class PdfWriter
{
    private readonly List<byte[]> _objects = [];

    /// <summary>Takes the next object number, to be filled in by <see cref="Set"/> once its references are known.</summary>
    public int Reserve()
    {
        _objects.Add([]);
        return _objects.Count;
    }

    public int Add(string body) => Set(Reserve(), body);

    public int Set(int id, string body)
    {
        _objects[id - 1] = Encoding.Latin1.GetBytes(body);
        return id;
    }

    public int AddStream(string dictionary, byte[] data)
    {
        var head = Encoding.Latin1.GetBytes($"<< {dictionary} /Length {data.Length} >>\nstream\n");
        _objects.Add([.. head, .. data, .. "\nendstream"u8]);
        return _objects.Count;
    }

    /// <summary>A zlib (FlateDecode) stream.</summary>
    public int AddFlateStream(string dictionary, byte[] data) => AddStream($"{dictionary} /Filter /FlateDecode", Deflate(data));

    /// <summary>The file; <paramref name="prefix"/> goes before the header, with offsets counted from the header as producers do.</summary>
    public byte[] Build(int root, byte[]? prefix = null)
    {
        using var output = new MemoryStream();
        output.Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < _objects.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Encoding.Latin1.GetBytes($"{i + 1} 0 obj\n"));
            output.Write(_objects[i]);
            output.Write("\nendobj\n"u8);
        }

        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {_objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {_objects.Count + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Encoding.Latin1.GetBytes(table.ToString()));
        return [.. prefix ?? [], .. output.ToArray()];
    }

    /// <summary>A PDF literal string: parentheses and backslashes escaped, text outside Latin-1 not supported.</summary>
    public static string Literal(string text) =>
        "(" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal) + ")";

    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }
}
