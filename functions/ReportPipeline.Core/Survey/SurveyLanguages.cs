namespace ReportPipeline.Core.Survey;

/// <summary>
/// The six languages of every survey edition, read from the language profiles. English is the reference: every
/// language must have every key English has, checked when loaded, so a missing string stops the app at start.
/// </summary>
public sealed class SurveyLanguages
{
    /// <summary>The official languages of the United Nations, in the order the survey lists its editions.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["ar", "zh", "en", "fr", "ru", "es"];

    /// <summary>The profile files a survey edition reads in each language.</summary>
    public static IReadOnlyList<string> Files { get; } = ["survey", "states", "regions"];

    private readonly Dictionary<string, string> _iso3ByEnglishName;
    private readonly Dictionary<string, string> _m49ByEnglishName;

    private SurveyLanguages(IReadOnlyList<SurveyLanguage> all)
    {
        All = all;
        English = all.Single(l => l.Code == "en");
        _iso3ByEnglishName = English.States.ToDictionary(s => s.Value, s => s.Key, StringComparer.Ordinal);
        _m49ByEnglishName = English.Regions.ToDictionary(r => r.Value, r => r.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<SurveyLanguage> All { get; }

    public SurveyLanguage English { get; }

    /// <summary>
    /// Builds the six languages from <paramref name="map"/>, which gives a profile's flat string map by language code and
    /// file name (<c>("fr", "survey")</c>), and checks that each has every key of English.
    /// </summary>
    public static SurveyLanguages Load(Func<string, string, IReadOnlyDictionary<string, string>> map)
    {
        var missing = new List<string>();
        foreach (var file in Files)
        {
            var reference = map("en", file);
            foreach (var code in Codes)
            {
                var strings = map(code, file);
                missing.AddRange(reference.Keys.Where(k => !strings.ContainsKey(k) || string.IsNullOrWhiteSpace(strings[k])).Select(k => $"{code}/{file}.json: {k}"));
            }
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The survey's language profiles lack {missing.Count} string(s): {string.Join("; ", missing.Take(20))}");
        }

        return new SurveyLanguages([.. Codes.Select(c => new SurveyLanguage(c, map(c, "survey"), map(c, "states"), map(c, "regions")))]);
    }

    /// <summary>The HTML renderer of the edition in <paramref name="code"/>.</summary>
    public HtmlSurveyRenderer Renderer(string code) => new(All.Single(l => l.Code == code), this);

    /// <summary>The language of a published file (<c>global-implementation-survey.fr.html</c> → <c>fr</c>); null for the language-neutral JSON and CSV.</summary>
    public static string? LanguageOfFile(string fileName) => Codes.FirstOrDefault(c => fileName == HtmlSurveyRenderer.FileNameOf(c));

    /// <summary>The ISO 3166 alpha-3 code of a state by its English (M49) name, as the model names states.</summary>
    public string? Iso3Of(string englishName) => _iso3ByEnglishName.GetValueOrDefault(englishName);

    /// <summary>The M49 code of a region, sub-region or intermediate region by its English name, as the model names them.</summary>
    public string? M49Of(string englishName) => _m49ByEnglishName.GetValueOrDefault(englishName);
}
