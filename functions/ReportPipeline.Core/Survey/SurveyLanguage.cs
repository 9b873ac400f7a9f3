using System.Globalization;
using System.Text;
using ReportPipeline.Core.Languages;

namespace ReportPipeline.Core.Survey;

/// <summary>
/// One language of a survey edition: its chrome (the profile's <c>survey.json</c>), the Member State and region names
/// (<c>states.json</c>, <c>regions.json</c>), its direction and its number and date conventions.
/// </summary>
public sealed class SurveyLanguage
{
    private readonly IReadOnlyDictionary<string, string> _text;
    private readonly IReadOnlyDictionary<string, string> _states;
    private readonly IReadOnlyDictionary<string, string> _regions;

    public SurveyLanguage(LanguageProfile profile)
    {
        Code = profile.Code;
        Culture = CultureInfo.GetCultureInfo(profile.Code);
        Direction = profile.Direction;
        _text = profile.Strings("survey.json");
        _states = profile.Strings("states.json");
        _regions = profile.Strings("regions.json");
    }

    /// <summary>The BCP 47 code of the language (<c>ar</c>, <c>zh</c>, <c>en</c>, <c>fr</c>, <c>ru</c>, <c>es</c>).</summary>
    public string Code { get; }

    public CultureInfo Culture { get; }

    /// <summary><c>rtl</c> or <c>ltr</c>.</summary>
    public string Direction { get; }

    public IReadOnlyDictionary<string, string> Text => _text;

    public IReadOnlyDictionary<string, string> States => _states;

    public IReadOnlyDictionary<string, string> Regions => _regions;

    /// <summary>The direction a text in <paramref name="language"/> (any BCP 47 tag a report may carry) is written in; <c>auto</c> when unknown.</summary>
    public static string DirectionOf(string language) =>
        language.Length == 0 ? "auto" : RightToLeft(language) ? "rtl" : "ltr";

    /// <summary>A profiled language as its profile says; another (a document may declare any) as the culture data says.</summary>
    private static bool RightToLeft(string language)
    {
        if (LanguageProfiles.Embedded.TryGet(language.Split('-')[0].ToLowerInvariant(), out var profile))
        {
            return profile.RightToLeft;
        }

        try
        {
            return CultureInfo.GetCultureInfo(language).TextInfo.IsRightToLeft;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The chrome string <paramref name="key"/>; every profile has every key, checked when the profiles are loaded.</summary>
    public string this[string key] => _text.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"survey.json of '{Code}' lacks '{key}'.");

    /// <summary>
    /// The chrome string <paramref name="key"/> as HTML: the template is encoded, then each <c>{name}</c> is replaced by its
    /// argument, which the caller has already made HTML (encoded text, or markup of its own).
    /// </summary>
    public string Html(string key, params (string Name, string Html)[] arguments)
    {
        var html = new StringBuilder(Encode(this[key]));
        foreach (var (name, value) in arguments)
        {
            html.Replace("{" + name + "}", value);
        }

        return html.ToString();
    }

    /// <summary>
    /// Text as HTML: the five characters markup gives meaning to become references, and nothing else does, so that
    /// "Norvège" stays readable in the source (WebUtility.HtmlEncode would write "Norv&amp;#232;ge").
    /// </summary>
    public static string Encode(string text)
    {
        var html = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                _ => html.Append(c),
            };
        }

        return html.ToString();
    }

    /// <summary>The chrome string <paramref name="key"/> as plain text with its <c>{name}</c> placeholders filled.</summary>
    public string Format(string key, params (string Name, string Text)[] arguments)
    {
        var text = new StringBuilder(this[key]);
        foreach (var (name, value) in arguments)
        {
            text.Replace("{" + name + "}", value);
        }

        return text.ToString();
    }

    public string Number(int value) => value.ToString("N0", Culture);

    public string Number(double value) => value.ToString("0.0", Culture);

    public string Date(DateTimeOffset value) => value.UtcDateTime.ToString("D", Culture);

    /// <summary>The state's name in this language; the name the model carries when the profile has none.</summary>
    public string StateName(string iso3, string fallback) => _states.TryGetValue(iso3, out var name) ? name : fallback;

    /// <summary>The M49 area's name in this language, by its M49 code; the name the model carries when the profile has none.</summary>
    public string RegionName(string? m49, string fallback) => m49 is not null && _regions.TryGetValue(m49, out var name) ? name : fallback;

    /// <summary>A report language's name in this language (<c>language.fr</c>), or its code when the profile does not name it.</summary>
    public string LanguageName(string code) => _text.TryGetValue($"language.{code}", out var name) ? name : code;
}
