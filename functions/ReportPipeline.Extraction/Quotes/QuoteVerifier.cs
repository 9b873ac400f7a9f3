using System.Text;
using ReportPipeline.Core;

namespace ReportPipeline.Extraction.Quotes;

/// <summary>
/// Looks proposed quotes up in the chunk the model was shown, after <see cref="VerbatimText"/> normalisation on both
/// sides. Only what the chunk contains, and so what the report contains, can come out: a prompt injected into a report
/// can at most move the report's own words to another question.
/// </summary>
public sealed class QuoteVerifier
{
    /// <summary>Fewest letters or digits a quote must have: a fragment of a word or two matches almost anywhere and answers nothing.</summary>
    public const int MinQuoteLetters = 12;

    private readonly ReportChunk _chunk;
    private readonly VerbatimText[] _segments;
    private readonly int[] _starts;
    private readonly string _text;

    public QuoteVerifier(ReportChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        _chunk = chunk;
        _segments = [.. chunk.Segments.Select(s => VerbatimText.Of(s.Text))];
        _starts = new int[_segments.Length];
        var text = new StringBuilder();
        for (var i = 0; i < _segments.Length; i++)
        {
            // A quote may run over paragraphs: the model sees a blank line between them, which normalises to a space.
            if (text.Length > 0 && _segments[i].Text.Length > 0)
            {
                text.Append(' ');
            }

            _starts[i] = text.Length;
            text.Append(_segments[i].Text);
        }

        _text = text.ToString();
    }

    /// <summary>The quote as it stands in the chunk (its first occurrence), or null when the chunk does not contain it as whole words.</summary>
    public VerifiedQuote? Find(Question question, string quote)
    {
        var wanted = VerbatimText.Normalize(quote);
        if (wanted.Count(char.IsLetterOrDigit) < MinQuoteLetters)
        {
            return null;
        }

        var at = _text.IndexOf(wanted, StringComparison.Ordinal);
        var end = at + wanted.Length;
        if (at < 0 || CutsAWord(at > 0 ? _text[at - 1] : ' ', wanted[0]) || CutsAWord(wanted[^1], end < _text.Length ? _text[end] : ' '))
        {
            return null;
        }

        var parts = new List<QuotePart>();
        for (var i = 0; i < _segments.Length; i++)
        {
            var from = Math.Max(at, _starts[i]) - _starts[i];
            var to = Math.Min(end, _starts[i] + _segments[i].Text.Length) - _starts[i];
            if (to <= from)
            {
                continue;
            }

            var segment = _chunk.Segments[i];
            var (start, stop) = (_segments[i].Starts[from], _segments[i].Ends[to - 1]);
            parts.Add(new QuotePart(segment.Paragraph, segment.Offset + start, segment.Offset + stop, segment.Text[start..stop]));
        }

        return new VerifiedQuote(question, parts);
    }

    /// <summary>
    /// Whether a quote boundary between these two characters falls inside a word ("rosecutors lack…"), which is not the
    /// report's words as written. Scripts written without spaces (Chinese, Japanese) have no such boundary to keep.
    /// </summary>
    private static bool CutsAWord(char before, char after) =>
        char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after) && !IsUnspaced(before) && !IsUnspaced(after);

    private static bool IsUnspaced(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' || char.IsSurrogate(c);
}
