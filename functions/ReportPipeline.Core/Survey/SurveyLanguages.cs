using ReportPipeline.Core.Languages;

namespace ReportPipeline.Core.Survey;

/// <summary>
/// The six languages of every survey edition, read from the language profiles, which hold every key English has in each
/// language (<see cref="LanguageProfiles"/> checks that on start).
/// </summary>
public sealed class SurveyLanguages
{
    /// <summary>The official languages of the United Nations, in the order the survey lists its editions.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["ar", "zh", "en", "fr", "ru", "es"];

    private readonly Dictionary<string, string> _iso3ByEnglishName;
    private readonly Dictionary<string, string> _m49ByEnglishName;

    private SurveyLanguages(IReadOnlyList<SurveyLanguage> all)
    {
        All = all;
        English = all.Single(l => l.Code == LanguageProfiles.ReferenceCode);
        _iso3ByEnglishName = English.States.ToDictionary(s => s.Value, s => s.Key, StringComparer.Ordinal);
        _m49ByEnglishName = English.Regions.ToDictionary(r => r.Value, r => r.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<SurveyLanguage> All { get; }

    public SurveyLanguage English { get; }

    /// <summary>The six languages from their profiles (<c>survey.json</c>, <c>states.json</c>, <c>regions.json</c> in each).</summary>
    public static SurveyLanguages Load(LanguageProfiles profiles) => new([.. Codes.Select(c => new SurveyLanguage(profiles.Get(c)))]);

    /// <summary>The HTML renderer of the edition in <paramref name="code"/>.</summary>
    public HtmlSurveyRenderer Renderer(string code) => new(All.Single(l => l.Code == code), this);

    /// <summary>The language of a published file (<c>global-implementation-survey.fr.html</c> → <c>fr</c>); null for the language-neutral JSON and CSV.</summary>
    public static string? LanguageOfFile(string fileName) => Codes.FirstOrDefault(c => fileName == HtmlSurveyRenderer.FileNameOf(c));

    /// <summary>The ISO 3166 alpha-3 code of a state by its English (M49) name, as the model names states.</summary>
    public string? Iso3Of(string englishName) => _iso3ByEnglishName.GetValueOrDefault(englishName);

    /// <summary>The M49 code of a region, sub-region or intermediate region by its English name, as the model names them.</summary>
    public string? M49Of(string englishName) => _m49ByEnglishName.GetValueOrDefault(englishName);
}
