using System.Globalization;
using System.Text;

namespace ReportPipeline.Core.Telemetry;

/// <summary>
/// A value a caller chose (a state, a period, a route), made safe to log: control and format characters (new lines,
/// bidirectional overrides) become <c>?</c> and the length is capped, so no one can forge log lines or flood them.
/// </summary>
public static class LogValue
{
    public const int MaxLength = 64;

    public static string Safe(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = new StringBuilder(Math.Min(value.Length, MaxLength + 1));
        foreach (var rune in value.EnumerateRunes())
        {
            if (text.Length >= MaxLength)
            {
                return text.Append('…').ToString();
            }

            var category = Rune.GetUnicodeCategory(rune);
            text.Append(category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse ? "?" : rune.ToString());
        }

        return text.ToString();
    }
}
