using System.Text.RegularExpressions;

namespace ReportPipeline.Core.Extraction;

/// <summary>Explicit question markers in the six UN languages: "(a)", "9 b)", "Question 3", "Вопрос в)", "问题(三)", "(ج)".</summary>
public static partial class QuestionMarkers
{
    /// <summary>Returns the question a paragraph opens with, and the text after the marker.</summary>
    public static bool TryMatch(string text, out char question, out string rest)
    {
        var match = Marker().Match(text);
        question = '\0';
        rest = text;
        if (!match.Success)
        {
            return false;
        }

        var label = match.Groups["label"].Value;
        question = label switch
        {
            "a" or "A" or "а" or "А" or "1" or "一" or "أ" or "ا" => 'a',
            "b" or "B" or "б" or "Б" or "2" or "二" or "ب" => 'b',
            "c" or "C" or "в" or "В" or "3" or "三" or "ج" => 'c',
            "d" or "D" or "г" or "Г" or "4" or "四" or "د" => 'd',
            _ => '\0',
        };
        rest = text[match.Length..].Trim();
        return question != '\0';
    }

    [GeneratedRegex(@"^\s*(?:(?:question|pregunta|вопрос|السؤال)\s*(?:9\s*)?[(（]?(?<label>[a-dA-DабвгАБВГ1-4أاﺃبجد])[)）]?|问题\s*[(（]?(?<label>[一二三四])[)）]?|(?:9\s*)?[(（](?<label>[a-dA-DабвгАБВГأاﺃبجد一二三四])[)）]|(?:9\s*)?(?<label>[a-dабвг])\))[\s.:：、,-]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
