using System.Text.RegularExpressions;
using ReportPipeline.Core;

namespace ReportPipeline.Extraction;

/// <summary>
/// Explicit question markers in the six UN languages: "(a)", "9 b)", "Question 3", "Вопрос в)", "问题(三)", "(ج)",
/// and references by ordinal: "On the first question", "关于第二个问题", "По третьему вопросу", "السؤال الرابع".
/// </summary>
public static partial class QuestionMarkers
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
        var head = text.Length > 160 ? text[..160] : text;
        question = default;
        if (!s_questionWords.Any(w => head.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var match = Ordinal().Match(head);
        var ordinal = match.Success ? Ordinal(match.Groups["ord"].Value) : null;
        question = ordinal ?? default;
        return ordinal is not null;
    }

    private static readonly string[] s_questionWords = ["question", "pregunta", "вопрос", "问题", "لسؤال"];

    private static Question? Label(string label) => label switch
    {
        "a" or "A" or "а" or "А" or "1" or "一" or "أ" or "ا" or "ﺃ" => Question.A,
        "b" or "B" or "б" or "Б" or "2" or "二" or "ب" => Question.B,
        "c" or "C" or "в" or "В" or "3" or "三" or "ج" => Question.C,
        "d" or "D" or "г" or "Г" or "4" or "四" or "د" => Question.D,
        _ => null,
    };

    private static Question? Ordinal(string word) => word.ToLowerInvariant() switch
    {
        "first" or "première" or "premiere" or "primera" or "первому" or "первого" or "первый" or "一" or "الأول" or "الاول" => Question.A,
        "second" or "deuxième" or "deuxieme" or "seconde" or "segunda" or "второму" or "второго" or "второй" or "二" or "الثاني" => Question.B,
        "third" or "troisième" or "troisieme" or "tercera" or "третьему" or "третьего" or "третий" or "三" or "الثالث" => Question.C,
        "fourth" or "last" or "final" or "quatrième" or "quatrieme" or "dernière" or "derniere" or "cuarta" or "última" or "ultima"
            or "четвертому" or "четвёртому" or "четвертого" or "четвёртого" or "последнему" or "四" or "الرابع" or "الأخير" => Question.D,
        _ => null,
    };

    // The look-ahead rules out NonBacktracking; anchored at the start the pattern is linear, and the timeout is the backstop.
    [GeneratedRegex(
        @"^\s*(?:(?:question|pregunta|(?:по\s+)?вопрос[уа]?|السؤال)\s*(?:9\s*)?[(（]?(?<label>[a-dA-DабвгАБВГ1-4أاﺃبجد])[)）]?(?![\p{L}\d])"
        + @"|问题\s*[(（]?(?<label>[一二三四])[)）]?"
        + @"|(?:9\s*)?[(（](?<label>[a-dA-DабвгАБВГأاﺃبجد一二三四])[)）]"
        + @"|(?<bare>)(?<label>[a-dабвгأبجد])\)"
        + @"|9\s*(?<label>[a-dабвгأبجد])\))[\s.:：、,\-–—]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Marker();

    [GeneratedRegex(
        @"(?:\b(?<ord>first|second|third|fourth|last|final)\s+(?:guiding\s+)?question"
        + @"|\b(?:la\s+)?(?<ord>première|premiere|deuxième|deuxieme|seconde|troisième|troisieme|quatrième|quatrieme|dernière|derniere)\s+question"
        + @"|\b(?:la\s+)?(?<ord>primera|segunda|tercera|cuarta|última|ultima)\s+pregunta"
        + @"|\b(?<ord>первому|второму|третьему|четвертому|четвёртому|последнему)\s+вопросу"
        + @"|\b(?<ord>первого|второго|третьего|четвертого|четвёртого)\s+вопроса"
        + @"|第(?<ord>[一二三四])个?问题"
        + @"|(?:السؤال|بالسؤال|للسؤال)\s+(?<ord>الأول|الاول|الثاني|الثالث|الرابع|الأخير))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Ordinal();
}
