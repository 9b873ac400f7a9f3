using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReportPipeline.Core;
using ReportPipeline.Core.Languages;

namespace ReportPipeline.Extraction;

/// <summary>
/// Explicit question markers in the profiled languages ("(a)", "9 b)", "Question 3", "Вопрос в)", "问题(三)") and references by
/// ordinal ("On the first question", "По третьему вопросу"), built from each profile's <see cref="MarkerDocument"/>.
/// </summary>
public static class QuestionMarkers
{
    /// <summary>Returns the question a paragraph opens with, and the text after the marker.</summary>
    public static bool TryMatch(string text, out Question question, out string rest) => TryMatch(text, out question, out rest, out _);

    /// <summary>
    /// As <see cref="TryMatch(string, out Question, out string)"/>; <paramref name="bare"/> tells a lone letter such as "b)",
    /// which could also open an ordinary list, from a marker that names the question or paragraph 9.
    /// </summary>
    public static bool TryMatch(string text, out Question question, out string rest, out bool bare)
    {
        var match = Marker().Match(text);
        question = default;
        rest = text;
        bare = false;
        if (!match.Success)
        {
            return false;
        }

        var label = Label(match.Groups["label"].Value);
        question = label ?? default;
        rest = text[match.Length..].Trim();
        bare = match.Groups["bare"].Success;
        return label is not null;
    }

    /// <summary>Finds a reference to a question by its ordinal near the start of a paragraph ("As for the third question").</summary>
    public static bool TryMatchOrdinal(string text, out Question question)
    {
        question = default;
        if (!HasQuestionWord(text.AsSpan(0, Math.Min(text.Length, 160))))
        {
            return false;
        }

        var head = text.Length > 160 ? text[..160] : text;
        var match = Ordinal().Match(head);
        var ordinal = match.Success ? Ordinal(match.Groups["ord"].Value) : null;
        question = ordinal ?? default;
        return ordinal is not null;
    }

    private static readonly LanguageProfile[] s_profiles = [.. LanguageProfiles.Embedded.All];

    /// <summary>The word "question" in every language, found case-insensitively.</summary>
    private static readonly string[] s_questionWords = [.. s_profiles.SelectMany(p => p.Markers.QuestionWords).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Every character that equals a first letter of <see cref="s_questionWords"/> ignoring case: where one of them can start. A
    /// scan for these is vectorised; a case-insensitive search for words in several scripts at once is not.
    /// </summary>
    private static readonly SearchValues<char> s_questionStarts = SearchValues.Create(CaseForms(s_questionWords.Select(w => w[0])));

    /// <summary>Whether the text holds one of <see cref="s_questionWords"/>, compared as <see cref="StringComparison.OrdinalIgnoreCase"/>.</summary>
    private static bool HasQuestionWord(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOfAny(s_questionStarts); i >= 0; i = text.IndexOfAny(s_questionStarts))
        {
            text = text[i..];
            foreach (var word in s_questionWords)
            {
                if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            text = text[1..];
        }

        return false;
    }

    /// <summary>The characters equal to one of <paramref name="letters"/> under <see cref="StringComparison.OrdinalIgnoreCase"/>.</summary>
    private static string CaseForms(IEnumerable<char> letters)
    {
        var forms = new StringBuilder();
        foreach (var letter in letters.Distinct())
        {
            for (var c = '\0'; c < char.MaxValue; c++)
            {
                var form = c;
                if (!char.IsSurrogate(c) && MemoryExtensions.Equals(new ReadOnlySpan<char>(in form), new ReadOnlySpan<char>(in letter), StringComparison.OrdinalIgnoreCase))
                {
                    forms.Append(c);
                }
            }
        }

        return forms.ToString();
    }

    /// <summary>Each language's labels of the questions, and the digits every language uses.</summary>
    private static readonly Dictionary<string, Question> s_labels = Words(p => p.Markers.Labels, Question.All.ToDictionary(q => (q.Index + 1).ToString(CultureInfo.InvariantCulture)));

    private static readonly Dictionary<string, Question> s_ordinals = Words(p => p.Markers.Ordinals, []);

    // The look-ahead rules out NonBacktracking; anchored at the start the pattern is linear, and the timeout is the backstop.
    private static readonly Regex s_marker = new(MarkerPattern(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    private static readonly Regex s_ordinal = new(
        "(?:" + string.Join('|', s_profiles.SelectMany(p => p.Markers.OrdinalPatterns)) + ")",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static Question? Label(string label) => s_labels.TryGetValue(label, out var question) ? question : null;

    private static Question? Ordinal(string word) => s_ordinals.TryGetValue(word.ToLowerInvariant(), out var question) ? question : null;

    private static Regex Marker() => s_marker;

    private static Regex Ordinal() => s_ordinal;

    private static Dictionary<string, Question> Words(Func<LanguageProfile, IReadOnlyDictionary<string, IReadOnlyList<string>>> words, Dictionary<string, Question> seed)
    {
        foreach (var profile in s_profiles)
        {
            foreach (var (letter, forms) in words(profile))
            {
                foreach (var form in forms)
                {
                    seed[form] = Question.Parse(letter);
                }
            }
        }

        return seed;
    }

    /// <summary>
    /// A marker at the start of a paragraph: the word "question" and a label ("Question 9 (b)", "Вопрос в)"), a language's own
    /// shape ("问题(三)"), a label in parentheses ("(c)", "9 (c)"), or a lone label and parenthesis ("b)", "9 b)").
    /// </summary>
    private static string MarkerPattern()
    {
        var markers = s_profiles.Select(p => p.Markers).ToList();
        var open = Class("(" + string.Concat(markers.Select(m => Pairs(m.Parentheses, 0))));
        var close = Class(")" + string.Concat(markers.Select(m => Pairs(m.Parentheses, 1))));
        var labelled = Class(string.Concat(markers.Where(m => m.LabelledBy.Count > 0).SelectMany(m => m.Labels.Values.SelectMany(l => l))))[..^1] + "1-4]";
        var all = Class(string.Concat(markers.SelectMany(m => m.Labels.Values.SelectMany(l => l))));
        var bare = Class(string.Concat(markers.SelectMany(m => m.BareLabels)));
        var separators = Class(@"\s.:,\-–—" + string.Concat(markers.Select(m => m.Separators)), escaped: 7);
        return @"^\s*(?:"
            + $@"(?:{string.Join('|', markers.SelectMany(m => m.LabelledBy))})\s*(?:9\s*)?{open}?(?<label>{labelled}){close}?(?![\p{{L}}\d])"
            + string.Concat(markers.SelectMany(m => m.Patterns).Select(p => "|" + p))
            + $@"|(?:9\s*)?{open}(?<label>{all}){close}"
            + $@"|(?<bare>)(?<label>{bare})\)"
            + $@"|9\s*(?<label>{bare})\))"
            + separators + "*";
    }

    private static string Pairs(string parentheses, int side) => string.Concat(parentheses.Where((_, i) => i % 2 == side));

    /// <summary>A character class of the distinct characters given; the first <paramref name="escaped"/> are already written as the class needs them.</summary>
    private static string Class(string characters, int escaped = 0) =>
        "[" + characters[..escaped] + string.Concat(characters[escaped..].Distinct().Select(c => c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString())) + "]";
}
