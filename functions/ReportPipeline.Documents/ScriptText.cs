using System.Globalization;
using System.Text;

namespace ReportPipeline.Documents;

/// <summary>Script-aware joining shared by the analyzers: no spaces between CJK characters, hyphens joined at line ends.</summary>
public static class ScriptText
{
    public static bool IsCjk(char c) => c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF')
        or (>= '\uAC00' and <= '\uD7AF');

    public static bool IsRtl(char c) => c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');

    /// <summary>Appends a line to a paragraph: a word hyphenated at the line end is joined, CJK gets no space.</summary>
    public static void AppendLine(StringBuilder paragraph, string line)
    {
        if (line.Length == 0)
        {
            return;
        }

        if (paragraph.Length == 0)
        {
            paragraph.Append(line);
            return;
        }

        if (EndsWithLineHyphen(paragraph))
        {
            // Before a lower-case letter the hyphen was the layout's; before a capital ("Counter-/Terrorism") it was typed.
            if (char.IsLower(line[0]) || paragraph[^1] == '\u00AD')
            {
                paragraph.Length--;
            }

            paragraph.Append(line);
            return;
        }

        var last = paragraph[^1];
        if (!(IsCjk(last) || IsCjk(line[0]) || char.IsWhiteSpace(last)))
        {
            paragraph.Append(' ');
        }

        paragraph.Append(line);
    }

    /// <summary>True when the text ends in a hyphen that follows a letter, so the next line may finish the word.</summary>
    public static bool EndsWithLineHyphen(StringBuilder text) =>
        text.Length >= 2 && text[^1] is '-' or '\u00AD' or '\u2010' && char.IsLetter(text[^2]);

    /// <summary>Collapses runs of whitespace and trims, keeping a paragraph on one line.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Maps Arabic presentation forms (what PDF glyphs often decode to) back to the letters typed.</summary>
    public static string NormalizePresentationForms(string text)
    {
        foreach (var c in text)
        {
            if (c is (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF') or (>= '\uFB00' and <= '\uFB06'))
            {
                var builder = new StringBuilder(text.Length);
                foreach (var d in text)
                {
                    builder.Append(d is (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFE') or (>= '\uFB00' and <= '\uFB06')
                        ? d.ToString().Normalize(NormalizationForm.FormKC)
                        : d.ToString(CultureInfo.InvariantCulture));
                }

                return builder.ToString();
            }
        }

        return text;
    }
}
