using UglyToad.PdfPig;
using UglyToad.PdfPig.AcroForms;
using UglyToad.PdfPig.AcroForms.Fields;

namespace ReportPipeline.Documents.Pdf;

/// <summary>
/// The filled-in values of a form's text and choice fields, as lines placed where their boxes are, each reading
/// "name: value" with the field's label (its alternate name) or else its name. A questionnaire keeps its answers there,
/// not in the page's text, and viewers draw them only from the form.
/// </summary>
internal static class PdfFormFields
{
    /// <summary>Field lines have a size of their own so that no heading or paragraph is measured against them.</summary>
    private const double FieldFontSize = 10;

    public static Dictionary<int, List<PdfLine>> Read(PdfDocument document, int pages)
    {
        var byPage = new Dictionary<int, List<PdfLine>>();
        if (!document.TryGetForm(out var form))
        {
            return byPage;
        }

        foreach (var field in form.GetFields())
        {
            var value = field switch
            {
                AcroTextField typed => typed.Value,
                AcroComboBoxField combo => string.Join(", ", combo.SelectedOptions),
                AcroListBoxField list => string.Join(", ", list.SelectedOptions),
                _ => null,
            };
            var name = field.Information.AlternateName is { Length: > 0 } label ? label : field.Information.PartialName;
            value = ScriptText.CollapseWhitespace(value ?? "");
            if (value.Length == 0)
            {
                continue;
            }

            // A field without a page or a box goes after everything on the last page.
            var page = field.PageNumber is { } p && p >= 1 && p <= pages ? p : pages;
            var box = field.PageNumber == page ? field.Bounds : null;
            var (left, right, bottom, top) = box is { } b ? (b.Left, b.Right, b.Bottom, b.Top) : (0, 1, -FieldFontSize, 0);
            var text = string.IsNullOrWhiteSpace(name) ? value : $"{ScriptText.CollapseWhitespace(name)}: {value}";
            var line = new PdfLine(page, left, right, bottom, top, top - FieldFontSize, FieldFontSize, false, text, Field: true);
            (byPage.TryGetValue(page, out var lines) ? lines : byPage[page] = []).Add(line);
        }

        return byPage;
    }
}
