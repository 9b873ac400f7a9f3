using System.Globalization;
using System.Text;

namespace ReportPipeline.Extraction.Quotes;

/// <summary>
/// Text in the form in which a quote and the document are compared: Unicode compatibility forms composed (NFKC: Arabic
/// presentation forms, ligatures, full-width letters), invisible format characters dropped, curly quotes and apostrophes
/// straightened, and every run of white space one space. Words, letters, case and diacritics stay as they are, so a match
/// is still the document's own words. Each character of the form remembers the original range it came from.
/// </summary>
internal sealed class VerbatimText
{
    private VerbatimText(string text, int[] starts, int[] ends)
    {
        Text = text;
        Starts = starts;
        Ends = ends;
    }

    public string Text { get; }

    /// <summary>Where in the original the text element that gave each character starts.</summary>
    public int[] Starts { get; }

    /// <summary>Where in the original the text element that gave each character ends (exclusive).</summary>
    public int[] Ends { get; }

    public static string Normalize(string original) => Of(original).Text;

    public static VerbatimText Of(string original)
    {
        var text = new StringBuilder(original.Length);
        var starts = new List<int>(original.Length);
        var ends = new List<int>(original.Length);
        for (var i = 0; i < original.Length;)
        {
            // Whole text elements, so a base letter and its combining marks compose together and are never split.
            var length = StringInfo.GetNextTextElementLength(original.AsSpan(i));
            foreach (var c in Fold(original.AsSpan(i, length)))
            {
                var space = char.IsWhiteSpace(c);
                if (space && (text.Length == 0 || text[^1] == ' '))
                {
                    continue;
                }

                text.Append(space ? ' ' : c);
                starts.Add(i);
                ends.Add(i + length);
            }

            i += length;
        }

        if (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
            starts.RemoveAt(starts.Count - 1);
            ends.RemoveAt(ends.Count - 1);
        }

        return new VerbatimText(text.ToString(), [.. starts], [.. ends]);
    }

    private static string Fold(ReadOnlySpan<char> element)
    {
        if (element.Length == 1 && element[0] < 128)
        {
            return element.ToString();
        }

        var visible = new StringBuilder(element.Length);
        foreach (var c in element)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                visible.Append(c);
            }
        }

        var composed = visible.ToString().Normalize(NormalizationForm.FormKC);
        return string.Create(composed.Length, composed, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '\u2018' or '\u2019' or '\u201B' or '\u02BC' => '\'',
                    '\u201C' or '\u201D' or '\u201E' or '\u201F' => '"',
                    '\u2010' => '-',
                    var c => c,
                };
            }
        });
    }
}
