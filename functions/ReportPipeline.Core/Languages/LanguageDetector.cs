namespace ReportPipeline.Core.Languages;

/// <summary>Offline detection of the six UN languages from script, then stop words for Latin and Cyrillic text.</summary>
public static class LanguageDetector
{
    public const string Undetermined = "und";

    private static readonly Dictionary<string, string[]> s_stopWords = new()
    {
        ["en"] = ["the", "and", "of", "to", "in", "is", "that", "for", "with", "our", "we", "on", "has", "have", "this", "are", "be", "it", "as", "by", "which", "its"],
        ["fr"] = ["le", "la", "les", "et", "des", "du", "est", "dans", "pour", "que", "une", "nous", "sur", "au", "qui", "ce", "pas", "à", "aux", "sont", "notre", "cette"],
        ["es"] = ["el", "la", "los", "las", "y", "del", "en", "para", "que", "una", "por", "con", "nuestro", "es", "se", "su", "al", "como", "lo", "nuestra", "esta"],
    };

    public static string Detect(string text)
    {
        int arabic = 0, cjk = 0, cyrillic = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFEFF')
            {
                arabic++;
            }
            else if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF')
            {
                cjk++;
            }
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F')
            {
                latin++;
            }
        }

        var max = Math.Max(Math.Max(arabic, cjk * 2), Math.Max(cyrillic, latin));
        if (max == 0)
        {
            return Undetermined;
        }

        if (max == arabic)
        {
            return "ar";
        }

        if (max == cjk * 2)
        {
            return "zh";
        }

        return max == cyrillic ? "ru" : DetectLatin(text);
    }

    private static string DetectLatin(string text)
    {
        var words = text.ToLowerInvariant().Split([' ', '\n', '\t', ',', '.', ';', ':', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries);
        var best = "en";
        var bestScore = -1;
        foreach (var (language, stops) in s_stopWords)
        {
            var score = words.Count(w => stops.Contains(w));
            if (score > bestScore)
            {
                (best, bestScore) = (language, score);
            }
        }

        return best;
    }
}
