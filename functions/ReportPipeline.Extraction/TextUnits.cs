using System.Buffers;
using System.Text.RegularExpressions;
using ReportPipeline.Core.Languages;

namespace ReportPipeline.Extraction;

/// <summary>Splits paragraphs into sentences and recognises paragraphs that are really headings.</summary>
public static class TextUnits
{
    /// <summary>The common heading limit, and the one of a text mostly in a script whose characters are words.</summary>
    private const int HeadingMaxLength = 110;

    private const int HeadingMaxWords = 14;

    private static readonly LanguageProfile[] s_profiles = [.. LanguageProfiles.Embedded.All];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_abbreviations =
        s_profiles.SelectMany(p => p.Sentences.Abbreviations).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int s_longestAbbreviation = s_profiles.SelectMany(p => p.Sentences.Abbreviations).Max(a => a.Length);

    private static readonly SearchValues<char> s_terminators = Characters(p => p.Sentences.Terminators, "");

    /// <summary>The characters that can end a sentence: the terminators, and '.', '!' and '?' before a space.</summary>
    private static readonly SearchValues<char> s_stops = Characters(p => p.Sentences.Terminators, ".!?");

    private static readonly SearchValues<char> s_headingEnds = Characters(p => p.Sentences.HeadingEnds, ".,;:!");

    private static readonly SearchValues<char> s_clauseEnds = Characters(p => p.Sentences.ClauseEnds, ".!?:;…»\"”),");

    private static readonly CharacterRanges s_uncasedStarts = s_profiles.Aggregate(CharacterRanges.Empty, (all, p) => all.Union(CharacterRanges.Parse(p.Sentences.UncasedStarts)));

    /// <summary>Languages whose headings are measured by a limit of their own (Chinese: a character is a word).</summary>
    private static readonly LanguageProfile[] s_denseHeadings = [.. s_profiles.Where(p => p.Sentences.HeadingMaxLength > 0)];

    private static readonly Regex s_address = new(
        @"^\s*(?:(?:" + Alternatives(p => p.Sentences.Address.Titles) + @")\.?\s+(?:" + Alternatives(p => p.Sentences.Address.Offices) + ")|"
        + Alternatives(p => p.Sentences.Address.Forms) + ")",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static readonly Regex s_headingNumber = new(
        @"^\s*(?:[IVXLC]{1,5}[.)]|\d{1,2}[.)]|" + string.Concat(s_profiles.SelectMany(p => p.Sentences.HeadingNumbers).Select(n => n + "|")) + @"[A-Z][.)])\s*",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>Sentence boundaries as (start, length) pairs; abbreviations such as "Mr." and numbers such as "1373 (2001)." stay inside.</summary>
    public static List<(int Start, int Length)> Sentences(string text)
    {
        var result = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // Only a terminator or '.', '!', '?' can end a sentence: skip to the next one in a vectorised search.
            var skip = text.AsSpan(i).IndexOfAny(s_stops);
            if (skip < 0)
            {
                break;
            }

            i += skip;
            var c = text[i];
            var end = -1;
            if (s_terminators.Contains(c))
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
    public static bool LooksLikeHeading(string text) => LooksLikeHeading(text.AsSpan());

    /// <summary>As <see cref="LooksLikeHeading(string)"/>, for a span of a longer text.</summary>
    public static bool LooksLikeHeading(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || text.Length > 110)
        {
            return false;
        }

        // The first dense script that writes more than a third of the line sets its limit.
        var limit = HeadingMaxLength;
        var denseSet = false;
        var dense = false;
        foreach (var profile in s_denseHeadings)
        {
            var count = 0;
            foreach (var c in text)
            {
                count += profile.ScriptCharacters.Contains(c) ? 1 : 0;
            }

            dense |= count > 0;
            if (!denseSet && count > text.Length / 3)
            {
                limit = profile.Sentences.HeadingMaxLength;
                denseSet = true;
            }
        }

        if (text.Length > limit || text.Contains('\n'))
        {
            return false;
        }

        var last = text[^1];
        if (s_headingEnds.Contains(last))
        {
            return false;
        }

        // A heading starts like a sentence; a line starting in lower case continues one.
        return !char.IsLower(text[0]) && (dense || Words(text) <= HeadingMaxWords);
    }

    /// <summary>
    /// Whether a paragraph ends a sentence. A short line after one that does not is the rest of a sentence broken by the
    /// layout (a PDF line), not a heading.
    /// </summary>
    public static bool EndsSentence(string text) =>
        text.Length > 0 && s_clauseEnds.Contains(text[^1]);

    /// <summary>Whether a paragraph starts in lower case, continuing a sentence.</summary>
    public static bool StartsLower(string text) => text.TrimStart() is { Length: > 0 } t && char.IsLower(t[0]);

    /// <summary>Whether a line is marked up or numbered as a heading ("**…**", "# …", "II.", "一、", "ثانياً:").</summary>
    public static bool IsDecoratedHeading(string raw) =>
        raw.TrimStart().StartsWith("**", StringComparison.Ordinal) || raw.TrimStart().StartsWith('#') || s_headingNumber.IsMatch(raw);

    /// <summary>Whether a paragraph opens by addressing the presidency ("Mr. President,"), as speakers do to change topic or to close.</summary>
    public static bool OpensWithAddress(string text) => s_address.IsMatch(text);

    /// <summary>The heading's words without its numbering ("II.", "一、", "ثانياً:", "3.").</summary>
    public static string HeadingWords(string text) => s_headingNumber.Replace(text, "");

    /// <summary>How many words a line has between its spaces.</summary>
    private static int Words(ReadOnlySpan<char> text)
    {
        var words = 0;
        for (var i = 0; i < text.Length; i++)
        {
            words += text[i] != ' ' && (i == 0 || text[i - 1] == ' ') ? 1 : 0;
        }

        return words;
    }

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '«' or '(' or '\'' or '‘' || s_uncasedStarts.Contains(c);

    private static bool IsAbbreviation(string text, int dot)
    {
        var s = dot;
        while (s > 0 && !char.IsWhiteSpace(text[s - 1]) && text[s - 1] != '(')
        {
            s--;
        }

        var raw = text.AsSpan(s, dot - s);
        if (raw.Length > s_longestAbbreviation)
        {
            return false;
        }

        var word = raw.Length <= 64 ? stackalloc char[raw.Length] : new char[raw.Length];
        raw.ToLowerInvariant(word);
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

    private static SearchValues<char> Characters(Func<LanguageProfile, string> characters, string common) =>
        SearchValues.Create(common + string.Concat(s_profiles.Select(characters)));

    private static string Alternatives(Func<LanguageProfile, IReadOnlyList<string>> words) =>
        string.Join('|', s_profiles.SelectMany(words).Distinct(StringComparer.Ordinal).Select(Regex.Escape));
}
