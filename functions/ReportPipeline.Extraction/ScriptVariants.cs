namespace ReportPipeline.Extraction;

/// <summary>
/// Reads script and spelling variants as one form before terms are matched: Traditional Chinese characters as their
/// Simplified forms (a character map), and in spaced languages hyphenated prefixes and British/American spellings as one
/// spelling ("co-operation" = "cooperation", "organization" = "organisation"). Both the text and the vocabulary pass
/// through the same map, so a term written in either form matches text in either. The maps are data:
/// <c>Variants/zh-hant.txt</c> (pairs of characters) and <c>Variants/{language}.txt</c> (pairs of folded strings).
/// </summary>
public static class ScriptVariants
{
    private const string ResourcePrefix = "Variants/";

    private static readonly Dictionary<char, char> s_simplified = LoadCharacters();

    private static readonly Dictionary<string, (string From, string To)[]> s_spellings = LoadSpellings();

    /// <summary>Folded text (or a folded term) with its variants replaced by the one form the vocabulary uses.</summary>
    public static string Canonical(string language, string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        if (language == "zh")
        {
            return Simplify(folded);
        }

        if (!s_spellings.TryGetValue(language, out var pairs))
        {
            return folded;
        }

        var text = folded;
        foreach (var (from, to) in pairs)
        {
            if (text.Contains(from, StringComparison.Ordinal))
            {
                text = text.Replace(from, to, StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static string Simplify(string text)
    {
        char[]? chars = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (s_simplified.TryGetValue(text[i], out var simple))
            {
                chars ??= text.ToCharArray();
                chars[i] = simple;
            }
        }

        return chars is null ? text : new string(chars);
    }

    private static IEnumerable<(string Name, string[] Lines)> Resources()
    {
        var assembly = typeof(ScriptVariants).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToArray();
            yield return (name[ResourcePrefix.Length..^".txt".Length], lines);
        }
    }

    private static Dictionary<char, char> LoadCharacters()
    {
        var map = new Dictionary<char, char>();
        foreach (var line in Resources().Where(r => r.Name == "zh-hant").SelectMany(r => r.Lines))
        {
            if (line.Length != 3 || line[1] != ' ')
            {
                throw new FormatException($"Variants/zh-hant.txt: '{line}' is not a Traditional and a Simplified character.");
            }

            map[line[0]] = line[2];
        }

        return map;
    }

    private static Dictionary<string, (string From, string To)[]> LoadSpellings() =>
        Resources().Where(r => r.Name != "zh-hant").ToDictionary(
            r => r.Name,
            r => r.Lines.Select(line => line.Split(' ') is [var from, var to]
                ? (from.Replace('_', ' '), to.Replace('_', ' '))
                : throw new FormatException($"Variants/{r.Name}.txt: '{line}' is not a spelling and its variant.")).ToArray(),
            StringComparer.Ordinal);
}
