namespace ReportPipeline.Documents.Pdf;

/// <summary>Reorders a right-to-left line from the visual order glyphs are drawn in to the logical order it was typed in.</summary>
internal static class Bidi
{
    public static string VisualToLogical(List<string> visual)
    {
        // Reverse the glyphs (not the characters: a lam-alef ligature must keep its two letters in order), then put
        // left-to-right runs such as "1373" or "ONU" back the right way round.
        var logical = new List<string>(visual);
        logical.Reverse();
        var i = 0;
        while (i < logical.Count)
        {
            if (!IsLtr(logical[i]))
            {
                logical[i] = LamAlef(logical[i]);
                i++;
                continue;
            }

            var end = i;
            while (end + 1 < logical.Count && (IsLtr(logical[end + 1]) || (IsLatinJoiner(logical[end + 1]) && end + 2 < logical.Count && IsLtr(logical[end + 2]))))
            {
                end++;
            }

            logical.Reverse(i, end - i + 1);
            i = end + 1;
        }

        return string.Concat(logical);
    }

    private static bool IsLtr(string glyph) => glyph.Length > 0 && (char.IsAsciiLetterOrDigit(glyph[0]) || (char.IsLetter(glyph[0]) && !ScriptText.IsRtl(glyph[0])));

    /// <summary>Neutrals that stay inside a left-to-right run when letters are on both sides ("UN-CTED", "3.5").</summary>
    private static bool IsLatinJoiner(string glyph) => glyph is " " or "-" or "." or "," or "/" or ":";

    /// <summary>
    /// A lam-alef ligature is one glyph for two letters, and some fonts map it to alef then lam; typed, lam comes first.
    /// </summary>
    private static string LamAlef(string glyph) =>
        glyph.Length == 2 && glyph[1] == '\u0644' && glyph[0] is '\u0627' or '\u0623' or '\u0625' or '\u0622' ? string.Concat(glyph[1], glyph[0]) : glyph;
}
