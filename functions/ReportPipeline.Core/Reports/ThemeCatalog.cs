using System.Buffers;
using ReportPipeline.Core.Languages;

namespace ReportPipeline.Core.Reports;

/// <summary>
/// The survey's thematic keys and their vocabulary in the six UN languages. Terms are folded like the text
/// (<see cref="TextNormalizer"/>: case, accents, Arabic letter variants) and found anywhere in it, in one pass.
/// </summary>
public sealed class ThemeCatalog
{
    /// <summary>The profiles' file naming each theme by its key, in the profile's language.</summary>
    public const string TitlesFile = "themes.json";

    private readonly TermMatcher _matcher;
    private readonly int[] _themeOfTerm;

    public ThemeCatalog(IReadOnlyList<Theme> themes)
    {
        Themes = themes;
        var terms = themes.SelectMany((t, i) => t.Terms.Select(term => (Text: TextNormalizer.Normalize(term).Trim(), Theme: i))).Where(x => x.Text.Length > 0).ToList();
        _matcher = new TermMatcher([.. terms.Select(t => t.Text)]);
        _themeOfTerm = [.. terms.Select(t => t.Theme)];
    }

    public IReadOnlyList<Theme> Themes { get; }

    /// <summary>
    /// The themes of the language profiles: their keys, in order, and English titles from the reference profile's
    /// <c>themes.json</c>, and each theme's terms from <c>themes/{key}.txt</c> of every language, so a passage in any language
    /// (or quoting another) finds them.
    /// </summary>
    public static ThemeCatalog Default { get; } = FromProfiles(LanguageProfiles.Embedded);

    public static ThemeCatalog FromProfiles(LanguageProfiles profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return new(
        [
            .. profiles.Reference.Strings(TitlesFile).Select(theme => new Theme(
                theme.Key,
                theme.Value,
                [.. profiles.All.SelectMany(p => p.Lines($"themes/{theme.Key}.txt"))])),
        ]);
    }

    /// <summary>The keys of the themes a passage mentions, in catalogue order.</summary>
    public IReadOnlyList<string> Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new bool[Themes.Count];
        var terms = new List<(int Id, int End)>();
        var buffer = ArrayPool<char>.Shared.Rent(text.Length + 2);
        try
        {
            _matcher.FoldAndScan(text, buffer, spaces: true, ScriptVariants.None, terms);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        foreach (var (id, _) in terms)
        {
            found[_themeOfTerm[id]] = true;
        }

        return [.. Themes.Where((_, i) => found[i]).Select(t => t.Key)];
    }

    public static IReadOnlyList<ThemeMention> Summarise(IEnumerable<ExtractedAnswer> answers) =>
        [.. answers
            .SelectMany(a => a.Themes.Select(t => (Theme: t, a.Question)))
            .GroupBy(x => x.Theme, StringComparer.Ordinal)
            .Select(g => new ThemeMention(g.Key, [.. g.Select(x => x.Question).Distinct().Order()]))];

    public string Title(string key) => Themes.FirstOrDefault(t => t.Key == key)?.Title ?? key;
}
