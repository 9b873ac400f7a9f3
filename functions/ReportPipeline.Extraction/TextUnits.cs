using System.Text.RegularExpressions;

namespace ReportPipeline.Extraction;

/// <summary>Splits paragraphs into sentences and recognises paragraphs that are really headings.</summary>
public static partial class TextUnits
{
    private static readonly string[] s_abbreviations =
    [
        "mr", "mrs", "ms", "dr", "st", "no", "nos", "art", "para", "paras", "e.g", "i.e", "etc", "vs", "m", "mme", "sr", "sra", "g", "г", "п", "ст",
        "jan", "feb", "h.e", "u.s", "u.n", "n°", "op",
    ];

    /// <summary>Sentence boundaries as (start, length) pairs; abbreviations such as "Mr." and numbers such as "1373 (2001)." stay inside.</summary>
    public static List<(int Start, int Length)> Sentences(string text)
    {
        var result = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = -1;
            if (c is '。' or '！' or '？' or '؟' or '；')
            {
                end = i + 1;
            }
            else if (c is '.' or '!' or '?' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))
            {
                var next = i + 1;
                while (next < text.Length && char.IsWhiteSpace(text[next]))
                {
                    next++;
                }

                if (next < text.Length && StartsSentence(text[next]) && !(c == '.' && IsAbbreviation(text, i)))
                {
                    end = i + 1;
                }
            }

            if (end > 0)
            {
                Add(text, start, end, result);
                start = end;
            }
        }

        Add(text, start, text.Length, result);
        return result;
    }

    /// <summary>Removes Markdown emphasis and heading marks that a plain-text analyzer leaves in place.</summary>
    public static string StripDecoration(string text)
    {
        var t = text.Trim();
        t = t.TrimStart('#').Trim();
        if (t.Length > 4 && (t.StartsWith("**", StringComparison.Ordinal) && t.EndsWith("**", StringComparison.Ordinal)
            || t.StartsWith("__", StringComparison.Ordinal) && t.EndsWith("__", StringComparison.Ordinal)))
        {
            t = t[2..^2].Trim();
        }

        return t;
    }

    /// <summary>A short standalone line without closing punctuation: a heading, whatever role the analyzer gave it.</summary>
    public static bool LooksLikeHeading(string text)
    {
        if (text.Length == 0 || text.Length > 110)
        {
            return false;
        }

        var cjk = text.Count(c => c is >= '\u4E00' and <= '\u9FFF');
        var limit = cjk > text.Length / 3 ? 40 : 110;
        if (text.Length > limit || text.Contains('\n', StringComparison.Ordinal))
        {
            return false;
        }

        var last = text[^1];
        if (last is '.' or '。' or ',' or '，' or ';' or '；' or ':' or '：' or '،' or '!' or '！' or '؛')
        {
            return false;
        }

        // A heading starts like a sentence; a line starting in lower case continues one.
        return !char.IsLower(text[0]) && (cjk > 0 || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 14);
    }

    /// <summary>
    /// Whether a paragraph ends a sentence. A short line after one that does not is the rest of a sentence broken by the
    /// layout (a PDF line), not a heading.
    /// </summary>
    public static bool EndsSentence(string text) =>
        text.Length > 0 && text[^1] is '.' or '!' or '?' or '。' or '！' or '？' or '؟' or ':' or '：' or ';' or '；' or '…' or '»' or '"' or '”' or ')' or '）' or ',' or '，' or '،';

    /// <summary>Whether a paragraph starts in lower case, continuing a sentence.</summary>
    public static bool StartsLower(string text) => text.TrimStart() is { Length: > 0 } t && char.IsLower(t[0]);

    /// <summary>Whether a line is marked up or numbered as a heading ("**…**", "# …", "II.", "一、", "ثانياً:").</summary>
    public static bool IsDecoratedHeading(string raw) =>
        raw.TrimStart().StartsWith("**", StringComparison.Ordinal) || raw.TrimStart().StartsWith('#') || HeadingNumber().IsMatch(raw);

    /// <summary>Whether a paragraph opens by addressing the presidency ("Mr. President,"), as speakers do to change topic or to close.</summary>
    public static bool OpensWithAddress(string text) => Address().IsMatch(text);

    /// <summary>The heading's words without its numbering ("II.", "一、", "ثانياً:", "3.").</summary>
    public static string HeadingWords(string text) => HeadingNumber().Replace(text, "");

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '«' or '(' or '\'' or '‘' || c >= '\u0600' && c <= '\u06FF' || c >= '\u4E00';

    private static bool IsAbbreviation(string text, int dot)
    {
        var s = dot;
        while (s > 0 && !char.IsWhiteSpace(text[s - 1]) && text[s - 1] != '(')
        {
            s--;
        }

        var word = text[s..dot].ToLowerInvariant();
        return word.Length == 1 && char.IsLetter(word[0]) || s_abbreviations.Contains(word);
    }

    private static void Add(string text, int start, int end, List<(int, int)> result)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            result.Add((start, end - start));
        }
    }

    [GeneratedRegex(
        @"^\s*(?:(?:mr|mister|madam|madame|monsieur|señor|senor|señora|senora|господин|госпожа)\.?\s+"
        + @"(?:president|chair|le président|la présidente|presidente|presidenta|председатель)|主席先生|主席女士|السيد الرئيس|السيدة الرئيسة|سيدي الرئيس)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Address();

    [GeneratedRegex(
        @"^\s*(?:[IVXLC]{1,5}[.)]|\d{1,2}[.)]|[一二三四五六七八九十]+[、.．]|(?:أولا|ثانيا|ثالثا|رابعا|خامسا)[ًٌ]?\s*[:：.-]?|[A-Z][.)])\s*",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex HeadingNumber();
}
