namespace ReportPipeline.Core.Languages;

/// <summary>
/// Offline detection of the profiled languages: the script whose characters weigh most (each profile lists its script's
/// characters and their weight), then, among languages sharing that script, the one whose stop words are commonest.
/// </summary>
public static class LanguageDetector
{
    public const string Undetermined = "und";

    private static readonly char[] s_wordSeparators = [' ', '\n', '\t', ',', '.', ';', ':', '(', ')', '"', '\''];

    /// <summary>The scripts in the order of the first language written in each, with their characters, weight and languages.</summary>
    private static readonly Script[] s_scripts = [.. LanguageProfiles.Embedded.All
        .GroupBy(p => p.Script, StringComparer.Ordinal)
        .Select(g => new Script(g.First().ScriptCharacters, g.First().Detection.Weight, [.. g]))];

    public static string Detect(string text)
    {
        var counts = new int[s_scripts.Length];
        foreach (var c in text)
        {
            for (var i = 0; i < s_scripts.Length; i++)
            {
                if (s_scripts[i].Characters.Contains(c))
                {
                    counts[i]++;
                    break;
                }
            }
        }

        var best = -1;
        var max = 0;
        for (var i = 0; i < s_scripts.Length; i++)
        {
            if (counts[i] * s_scripts[i].Weight > max)
            {
                (best, max) = (i, counts[i] * s_scripts[i].Weight);
            }
        }

        return best < 0 ? Undetermined
            : s_scripts[best].Languages.Length == 1 ? s_scripts[best].Languages[0].Code
            : ByStopWords(text, s_scripts[best].Languages);
    }

    /// <summary>The language whose stop words the text uses most; the first of them when it uses none.</summary>
    private static string ByStopWords(string text, LanguageProfile[] languages)
    {
        var words = text.ToLowerInvariant().Split(s_wordSeparators, StringSplitOptions.RemoveEmptyEntries);
        var best = languages[0].Code;
        var bestScore = -1;
        foreach (var language in languages)
        {
            var score = words.Count(w => language.Detection.StopWords.Contains(w));
            if (score > bestScore)
            {
                (best, bestScore) = (language.Code, score);
            }
        }

        return best;
    }

    private sealed record Script(CharacterRanges Characters, int Weight, LanguageProfile[] Languages);
}
