using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace ReportPipeline.Core.Survey;

/// <summary>
/// The survey model as JSON, with its schema version: one language-neutral file (codes, and the English names the model
/// carries) plus <c>labels</c>, the name of every question, state, region and theme it mentions in each of the six languages.
/// </summary>
public sealed class JsonSurveyRenderer(SurveyLanguages languages) : ISurveyRenderer
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public const string Name = "global-implementation-survey.json";

    public string FileName => Name;

    public string ContentType => "application/json; charset=utf-8";

    public byte[] Render(SurveyModel survey)
    {
        var json = JsonSerializer.SerializeToNode(survey, Options)!.AsObject();
        json["labels"] = JsonSerializer.SerializeToNode(Labels(survey), Options);
        return JsonSerializer.SerializeToUtf8Bytes(json, Options);
    }

    /// <summary>Names by language code, keyed as the model keys them: question letter, ISO3, English region name, theme key.</summary>
    private SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, string>>> Labels(SurveyModel survey)
    {
        SortedDictionary<string, SortedDictionary<string, string>> Each(IEnumerable<string> keys, Func<SurveyLanguage, string, string> name) =>
            new(keys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, k => new SortedDictionary<string, string>(
                languages.All.ToDictionary(l => l.Code, l => name(l, k), StringComparer.Ordinal), StringComparer.Ordinal), StringComparer.Ordinal), StringComparer.Ordinal);

        var regions = survey.Regions.SelectMany(r => r.Subregions.SelectMany(a => new[] { a.Name, a.M49Subregion }).Prepend(r.Name));
        return new(StringComparer.Ordinal)
        {
            ["questions"] = Each(Question.All.Select(q => q.ToString()), (l, k) => l[$"question.{k}.title"]),
            ["states"] = Each(survey.Annex.Select(s => s.Iso3), (l, k) => l.StateName(k, k)),
            ["regions"] = Each(regions, (l, k) => l.RegionName(languages.M49Of(k), k)),
            ["themes"] = Each(survey.Themes.Select(t => t.Key), (l, k) => l.Text.GetValueOrDefault($"theme.{k}", k)),
        };
    }
}
