using System.Globalization;

namespace ReportPipeline.Core.Review;

/// <summary>
/// Names of paragraphs (<c>{page}.{paragraph}</c>, e.g. <c>2.14</c>) and of passages under a question (<c>{question}-{page}.{paragraph}</c>
/// of the passage's first paragraph, e.g. <c>b-2.14</c>). A passage is named by where it stands, not by the extraction that found it, so a
/// decision holds across re-extractions of the same report.
/// </summary>
public static class PassageIds
{
    public static string Paragraph(int page, int paragraph) => string.Create(CultureInfo.InvariantCulture, $"{page}.{paragraph}");

    public static string Passage(Question question, int page, int paragraph) => $"{question}-{Paragraph(page, paragraph)}";

    public static bool TryParseParagraph(string? id, out int page, out int paragraph)
    {
        page = paragraph = 0;
        var dot = id?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0
            && int.TryParse(id.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out page)
            && int.TryParse(id.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out paragraph);
    }

    public static bool TryParsePassage(string? id, out Question question, out int page, out int paragraph)
    {
        question = default;
        page = paragraph = 0;
        return id is { Length: > 2 } && id[1] == '-' && Question.TryParse(id[0], out question) && TryParseParagraph(id[2..], out page, out paragraph);
    }
}
