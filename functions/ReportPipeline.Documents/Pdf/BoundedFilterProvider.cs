using System.Buffers;
using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace ReportPipeline.Documents.Pdf;

/// <summary>
/// PdfPig's filters under a <see cref="DecodeBudget"/>. Flate, LZW, run-length and ASCII85 can turn a few bytes into
/// very many, so their output is measured (Flate by inflating into a small reused buffer) and charged before PdfPig
/// decodes anything; a bomb is refused without ever being held in memory. The other filters shrink their input or
/// are only used for images, which are never decoded here; their output is charged after.
/// </summary>
internal sealed class BoundedFilterProvider(DecodeBudget budget) : BaseFilterProvider(Filters(budget))
{
    private static Dictionary<string, IFilter> Filters(DecodeBudget budget)
    {
        var flate = new BudgetedFilter(new FlateFilter(), budget, FlateLength);
        var lzw = new BudgetedFilter(new LzwFilter(), budget, LzwLength);
        var runLength = new BudgetedFilter(new RunLengthFilter(), budget, RunLengthLength);
        var ascii85 = new BudgetedFilter(new Ascii85Filter(), budget, Ascii85Length);
        var hex = new BudgetedFilter(new AsciiHexDecodeFilter(), budget, null);
        var ccitt = new BudgetedFilter(new CcittFaxDecodeFilter(), budget, null);
        var dct = new BudgetedFilter(new DctDecodeFilter(), budget, null);
        return new Dictionary<string, IFilter>
        {
            ["FlateDecode"] = flate, ["Fl"] = flate, ["LZWDecode"] = lzw, ["LZW"] = lzw, ["RunLengthDecode"] = runLength, ["RL"] = runLength,
            ["ASCII85Decode"] = ascii85, ["A85"] = ascii85, ["ASCIIHexDecode"] = hex, ["AHx"] = hex, ["CCITTFaxDecode"] = ccitt, ["CCF"] = ccitt,
            ["DCTDecode"] = dct, ["DCT"] = dct, ["JBIG2Decode"] = new BudgetedFilter(new Jbig2DecodeFilter(), budget, null),
            ["JPXDecode"] = new BudgetedFilter(new JpxDecodeFilter(), budget, null),
        };
    }

    /// <summary>What PdfPig's Flate filter would inflate to, counted up to just past the limit (a zlib header, then deflate).</summary>
    private static long FlateLength(Memory<byte> input, DictionaryToken parameters, long limit)
    {
        if (input.Length < 2)
        {
            return 0;
        }

        using var source = ReadOnlyStream.Over(input[2..]);
        using var inflater = new DeflateStream(source, CompressionMode.Decompress);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        long length = 0;
        try
        {
            int read;
            while (length <= limit && (read = inflater.Read(buffer, 0, buffer.Length)) > 0)
            {
                length += read;
            }
        }
        catch (InvalidDataException)
        {
            // Damaged data: PdfPig then keeps the stream as it is, so what was counted is all it costs.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return length;
    }

    /// <summary>
    /// What PdfPig's LZW filter would write, from the lengths of the table's entries alone: codes of 9 to 12 bits, 256
    /// clears the table, 257 ends the data, an unknown code repeats the previous entry plus its first byte.
    /// </summary>
    private static long LzwLength(Memory<byte> input, DictionaryToken parameters, long limit)
    {
        var early = !parameters.TryGet(NameToken.EarlyChange, out NumericToken change) || change.Int == 1 ? 0 : 1;
        var lengths = new int[4096];
        var span = input.Span;
        long length = 0;
        int count = 258, width = 9, previous = -1;
        long bit = 0;
        while (length <= limit && bit + width <= span.Length * 8L)
        {
            var code = 0;
            for (var i = 0; i < width; i++, bit++)
            {
                code = (code << 1) | ((span[(int)(bit >> 3)] >> (7 - (int)(bit & 7))) & 1);
            }

            if (code == 256)
            {
                (count, width, previous) = (258, 9, -1);
                continue;
            }

            if (code == 257 || (code >= count && previous < 0))
            {
                break;
            }

            var entry = code < 256 ? 1 : code < count ? lengths[code] : Length(previous) + 1;
            length += entry;
            if (previous >= 0 && count < lengths.Length)
            {
                lengths[count++] = Length(previous) + 1;
            }

            previous = code;
            width = count < 511 + early ? 9 : count < 1023 + early ? 10 : count < 2047 + early ? 11 : 12;
        }

        return length;

        int Length(int code) => code < 256 ? 1 : lengths[code];
    }

    private static long RunLengthLength(Memory<byte> input, DictionaryToken parameters, long limit)
    {
        var span = input.Span;
        long length = 0;
        for (var i = 0; i < span.Length && span[i] != 128 && length <= limit;)
        {
            length += span[i] < 128 ? span[i] + 1 : 257 - span[i];
            i += span[i] < 128 ? span[i] + 2 : 2;
        }

        return length;
    }

    /// <summary>'z' stands for four zero bytes, a group of five characters for four, a last group of n characters for n - 1.</summary>
    private static long Ascii85Length(Memory<byte> input, DictionaryToken parameters, long limit)
    {
        long zeros = 0, digits = 0;
        foreach (var b in input.Span)
        {
            if (b == '~')
            {
                break;
            }

            zeros += b == 'z' ? 1 : 0;
            digits += b is >= (byte)'!' and <= (byte)'u' ? 1 : 0;
        }

        return (4 * zeros) + (digits / 5 * 4) + Math.Max(0, (digits % 5) - 1);
    }

    /// <summary>One of PdfPig's filters, its output charged to the budget: before decoding where it can be measured, else after.</summary>
    private sealed class BudgetedFilter(IFilter inner, DecodeBudget budget, Func<Memory<byte>, DictionaryToken, long, long>? measure) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (measure is not null)
            {
                budget.Charge(measure(input, DecodeParameterResolver.GetFilterParameters(streamDictionary, filterIndex), budget.MaxStreamBytes));
                return inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            }

            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Charge(output.Length);
            return output;
        }
    }
}
