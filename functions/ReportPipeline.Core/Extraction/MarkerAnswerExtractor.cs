using ReportPipeline.Core.Layout;

namespace ReportPipeline.Core.Extraction;

/// <summary>Assigns the paragraphs after an explicit question marker to that question, until the next marker or heading.</summary>
public sealed class MarkerAnswerExtractor(ThemeCatalog themes) : IAnswerExtractor
{
    private const double MarkerConfidence = 0.9;

    public ExtractedReport Extract(LayoutDocument document)
    {
        var answers = new List<ExtractedAnswer>();
        char? current = null;
        var passage = new List<LayoutParagraph>();
        var texts = new List<string>();

        void Flush()
        {
            if (current is { } q && texts.Count > 0)
            {
                var text = string.Join("\n\n", texts);
                answers.Add(new ExtractedAnswer(q, text, MarkerConfidence, ExtractionMethods.Marker,
                    [.. passage.Select(p => new Provenance(p.Page, p.Index))], themes.Match(text)));
            }

            passage.Clear();
            texts.Clear();
        }

        foreach (var paragraph in document.ContentParagraphs)
        {
            if (QuestionMarkers.TryMatch(paragraph.Text, out var question, out var rest))
            {
                Flush();
                current = question;
                if (rest.Length > 0 && !paragraph.IsHeading)
                {
                    passage.Add(paragraph);
                    texts.Add(rest);
                }
            }
            else if (paragraph.IsHeading)
            {
                Flush();
                current = null;
            }
            else if (current is not null && paragraph.Role is ParagraphRole.Body or ParagraphRole.ListItem)
            {
                passage.Add(paragraph);
                texts.Add(paragraph.Text);
            }
        }

        Flush();
        return new ExtractedReport(document.Language, document.Pages, answers, ThemeCatalog.Summarise(answers), []);
    }
}
