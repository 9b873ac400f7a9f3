using System.Text;

namespace ReportPipeline.Core.Extraction.Evaluation;

/// <summary>Text as evaluation compares it: labels and answers match whatever their wrapping.</summary>
internal static class EvaluationText
{
    /// <summary>Runs of whitespace (line breaks, non-breaking spaces) become one space; leading and trailing ones go.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
