using System.Text;
using ReportPipeline.Core;

namespace ReportPipeline.Extraction.Quotes;

/// <summary>A proposed quote found in the document: the document's own text, paragraph by paragraph.</summary>
public sealed record VerifiedQuote(Question Question, IReadOnlyList<QuotePart> Parts)
{
    public (int Paragraph, int Offset) From => (Parts[0].Paragraph.Index, Parts[0].Start);

    public (int Paragraph, int Offset) To => (Parts[^1].Paragraph.Index, Parts[^1].End);

    /// <summary>The document's text of the quote: parts of one paragraph joined by a space, paragraphs by a blank line.</summary>
    public string Text
    {
        get
        {
            var text = new StringBuilder(Parts[0].Text);
            for (var i = 1; i < Parts.Count; i++)
            {
                text.Append(Parts[i].Paragraph.Index == Parts[i - 1].Paragraph.Index ? " " : ReportChunk.Separator).Append(Parts[i].Text);
            }

            return text.ToString();
        }
    }

    public bool Covers(VerifiedQuote other) => Question == other.Question && From.CompareTo(other.From) <= 0 && To.CompareTo(other.To) >= 0;
}
