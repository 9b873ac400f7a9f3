using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Languages;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Survey;

namespace ReportPipeline.Core.Tests;

public sealed partial class SurveyLanguageTests
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Languages => [.. SurveyLanguages.Codes];

    public static TheoryData<string> OtherThanEnglish => [.. SurveyLanguages.Codes.Where(c => c != "en")];

    /// <summary>Four states in four languages, every question and theme section filled, and a baseline so the changes section has content.</summary>
    private static SurveyModel CreateModel()
    {
        var compiler = new SurveyCompiler(Keys.States, ThemeCatalog.Default, new FakeReportLocator());
        SubmissionRecord Submission(string iso3, string language, string coverage) =>
            new(Keys.Submission("2026", iso3), new string('b', 64), $"2026/{iso3}/report.pdf", "pdf", language, 2, QuestionSet.Parse(coverage), [], s_at, s_at, "rules-1", 2);
        StoredAnswer Answer(string iso3, char question, string text, params string[] themes) =>
            new(Keys.State(iso3), Keys.Q(question), 0, text, 0.9, ExtractionMethods.Marker, [new Provenance(3, 4)], themes);
        SubmissionRecord[] submissions = [Submission("FRA", "fr", "ab"), Submission("EGY", "ar", "b"), Submission("CHN", "zh", "c"), Submission("NOR", "en", "ad")];
        StoredAnswer[] answers =
        [
            Answer("FRA", 'a', "Le financement du terrorisme reste un défi.", "cft"),
            Answer("FRA", 'b', "Entraide judiciaire et extradition.", "judicial-cooperation"),
            Answer("EGY", 'b', "التعاون الدولي مع المديرية التنفيذية", "cft", "judicial-cooperation"),
            Answer("CHN", 'c', "加强边境管理。", "border-management"),
            Answer("NOR", 'a', "Our main challenge is the financing of terrorism through virtual assets.", "cft"),
            Answer("NOR", 'd', "We coordinate with the Office of Counter-Terrorism.", "civil-society"),
        ];
        var baseline = new SurveyBaseline(Period.Parse("2025"), "20251101T000000Z", 2, new Dictionary<string, int> { ["FRA"] = 1, ["USA"] = 1 },
            new Dictionary<string, int> { ["cft"] = 1, ["gender"] = 2 });
        return compiler.Compile(Period.Parse("2026"), submissions, answers, "20261101T000000Z", s_at, baseline);
    }

    private static string Render(string code) => Encoding.UTF8.GetString(TestSurveyLanguages.Html(code).Render(CreateModel()));

    [Fact]
    public void Profiles_EverySurveyLanguage_HasEveryKeyOfEnglish()
    {
        foreach (var file in (string[])["survey.json", "states.json", "regions.json"])
        {
            var english = LanguageProfiles.Embedded.Reference.Strings(file);
            Assert.NotEmpty(english);
            foreach (var code in SurveyLanguages.Codes)
            {
                var strings = LanguageProfiles.Embedded.Get(code).Strings(file);
                Assert.Empty(english.Keys.Except(strings.Keys));
                Assert.Empty(strings.Keys.Except(english.Keys));
                Assert.All(strings.Values, v => Assert.False(string.IsNullOrWhiteSpace(v)));
            }
        }
    }

    [Fact]
    public void Names_EveryMemberStateAndM49Area_NamedInEveryLanguage()
    {
        foreach (var language in TestSurveyLanguages.All.All)
        {
            Assert.All(Keys.States.All, s => Assert.True(language.States.ContainsKey(s.Iso3), $"{language.Code} lacks {s.Iso3}"));
            Assert.All(Keys.States.All.SelectMany(s => new[] { s.Region, s.Subregion, s.Area }),
                name => Assert.NotNull(TestSurveyLanguages.All.M49Of(name)));
        }

        Assert.Equal("Türkiye", TestSurveyLanguages.All.All.Single(l => l.Code == "fr").States["TUR"]);
        Assert.Equal("Российская Федерация", TestSurveyLanguages.All.All.Single(l => l.Code == "ru").States["RUS"]);
        Assert.Equal("América Latina y el Caribe", TestSurveyLanguages.All.All.Single(l => l.Code == "es").Regions["419"]);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Render_EachLanguage_TaggedWithItsLanguageAndDirectionAndNamesStatesInIt(string code)
    {
        var html = Render(code);
        var language = TestSurveyLanguages.All.All.Single(l => l.Code == code);

        Assert.Matches($"<html lang=\"{code}\" dir=\"{(code == "ar" ? "rtl" : "ltr")}\">", html);
        Assert.Equal(HtmlSurveyRenderer.FileNameOf(code), TestSurveyLanguages.Html(code).FileName);
        Assert.Contains(SurveyLanguage.Encode(language.States["NOR"]), html, StringComparison.Ordinal);
        Assert.Contains(SurveyLanguage.Encode(language.States["EGY"]), html, StringComparison.Ordinal);
        Assert.Contains(SurveyLanguage.Encode(language.Regions["011"]), html, StringComparison.Ordinal);
        Assert.Contains(SurveyLanguage.Encode(language["question.c.text"]), html, StringComparison.Ordinal);
        Assert.Contains(SurveyLanguage.Encode(language["body.ctc"]), html, StringComparison.Ordinal);
        Assert.Contains(SurveyLanguage.Encode(language.Date(s_at)), html, StringComparison.Ordinal);
        foreach (var other in SurveyLanguages.Codes.Where(c => c != code))
        {
            Assert.Contains($"href=\"global-implementation-survey.{other}.html\" hreflang=\"{other}\" lang=\"{other}\"", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Render_EachLanguage_EveryExcerptKeepsItsOwnLanguageAndDirection(string code)
    {
        var quotes = Blockquote().Matches(Render(code)).Select(m => m.Value).ToList();

        Assert.Equal(6, quotes.Count);
        Assert.Contains("<blockquote lang=\"ar\" dir=\"rtl\">", quotes);
        Assert.Contains("<blockquote lang=\"zh\" dir=\"ltr\">", quotes);
        Assert.Contains("<blockquote lang=\"fr\" dir=\"ltr\">", quotes);
    }

    [Theory]
    [MemberData(nameof(OtherThanEnglish))]
    public void Render_OtherThanEnglish_NoEnglishChromeInTheTextOutsideExcerpts(string code)
    {
        var text = WebUtility.HtmlDecode(Tag().Replace(Excerpt().Replace(Render(code), " "), " "));
        var english = TestSurveyLanguages.All.English.Text;
        var own = TestSurveyLanguages.All.All.Single(l => l.Code == code).Text;

        // Every English phrase the profile translates differently (split at its placeholders) must be absent, unless the
        // language's own chrome holds it too (French "page", Spanish "Regiones").
        var ownText = string.Join('\n', own.Values);
        var leaks = english.Where(e => own[e.Key] != e.Value)
            .SelectMany(e => Placeholder().Split(e.Value).Select(f => f.Trim(' ', ',', '.', ':', '(', ')', '—', '·')).Where(f => f.Length >= 4).Select(f => (e.Key, Fragment: f)))
            .Where(x => text.Contains(x.Fragment, StringComparison.Ordinal) && !ownText.Contains(x.Fragment, StringComparison.Ordinal))
            .Select(x => $"{x.Key}: \"{x.Fragment}\"")
            .ToList();
        Assert.Empty(leaks);
        Assert.DoesNotContain("Member States reporting", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Arabic_ChartsMirrorLabelsToTheRight()
    {
        var arabic = Render("ar");
        var english = Render("en");

        Assert.Matches("<text x=\"700\" y=\"19\" text-anchor=\"end\" direction=\"rtl\">", arabic);
        Assert.DoesNotContain("text-anchor=\"end\"", english, StringComparison.Ordinal);
        Assert.Contains("<text x=\"0\" y=\"19\">", english, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Chinese_NamesCjkFontsAndArabicFontsInTheStyle()
    {
        var html = Render("zh");

        Assert.Contains(":lang(zh){font-family:'Noto Sans CJK SC'", html, StringComparison.Ordinal);
        Assert.Contains(":lang(ar){font-family:'Noto Naskh Arabic'", html, StringComparison.Ordinal);
        Assert.Contains("2026年11月1日", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Json_OneFileWithLabelsInSixLanguagesAndStillABaseline()
    {
        var json = new JsonSurveyRenderer(TestSurveyLanguages.All).Render(CreateModel());

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var labels = document.RootElement.GetProperty("labels");
        Assert.Equal("挪威", labels.GetProperty("states").GetProperty("NOR").GetProperty("zh").GetString());
        Assert.Equal("النرويج", labels.GetProperty("states").GetProperty("NOR").GetProperty("ar").GetString());
        Assert.Equal(193, labels.GetProperty("states").EnumerateObject().Count());
        Assert.Equal("Afrique de l’Ouest", labels.GetProperty("regions").GetProperty("Western Africa").GetProperty("fr").GetString());
        Assert.Equal("Lucha contra la financiación del terrorismo", labels.GetProperty("themes").GetProperty("cft").GetProperty("es").GetString());
        Assert.Equal(6, labels.GetProperty("questions").GetProperty("d").EnumerateObject().Count());
        Assert.Equal("Norway", document.RootElement.GetProperty("annex").EnumerateArray().Single(s => s.GetProperty("iso3").GetString() == "NOR").GetProperty("name").GetString());
        Assert.Equal(4, SurveyBaseline.TryParse(json)!.StatesReporting);
    }

    [GeneratedRegex("<blockquote[^>]*>")]
    private static partial Regex Blockquote();

    /// <summary>Report text, file names, the style sheet, and anything tagged with a language of its own (the other editions' names).</summary>
    [GeneratedRegex("<(blockquote|code|style)\\b[^>]*>.*?</\\1>|<(a)\\b[^>]*\\blang=\"[^\"]*\"[^>]*>.*?</a>", RegexOptions.Singleline)]
    private static partial Regex Excerpt();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\{[a-z]+\\}")]
    private static partial Regex Placeholder();
}
