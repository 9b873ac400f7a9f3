using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Survey;

namespace ReportPipeline.Core.Tests;

public sealed partial class SurveyCompilerTests
{
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    private static readonly DateTimeOffset s_at = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static SurveyCompiler CreateSut() => new(Keys.States, ThemeCatalog.Default, new FakeReportLocator());

    private static SubmissionRecord Submission(string iso3, string language, string coverage, int version = 1) =>
        new(Keys.Submission("2026", iso3), new string('a', 64), $"2026/{iso3}/report.pdf", "pdf", language, 3, QuestionSet.Parse(coverage), [], s_at, s_at, "rules-1", version);

    private static StoredAnswer Answer(string iso3, char question, string text, params string[] themes) =>
        new(Keys.State(iso3), Keys.Q(question), 0, text, 0.9, ExtractionMethods.Marker, [new Provenance(2, 7)], themes);

    private static (SubmissionRecord[] Submissions, StoredAnswer[] Answers) Evidence() =>
    (
        [Submission("FRA", "fr", "ab"), Submission("EGY", "ar", "b"), Submission("NGA", "en", "ad", 2)],
        [
            Answer("FRA", 'a', Hostile + " frontières", "border-management"),
            Answer("FRA", 'b', "=HYPERLINK(\"http://x\") coopération", "judicial-cooperation"),
            Answer("EGY", 'b', "\n@SUM(A1) التعاون الدولي مع المديرية التنفيذية", "cft", "judicial-cooperation"),
            Answer("NGA", 'a', "+cmd|' /C calc'!A0 borders", "border-management"),
            Answer("NGA", 'd', "－1 UNOCT coordination", "civil-society"),
        ]
    );

    private static SurveyModel Compile(SurveyBaseline? baseline = null)
    {
        var (submissions, answers) = Evidence();
        return CreateSut().Compile(Period.Parse("2026"), submissions, answers, "20261101T000000Z", s_at, baseline);
    }

    [Fact]
    public void Compile_ThreeStates_EverySectionPresent()
    {
        var model = Compile();

        Assert.Equal("2026", model.Introduction.Period);
        Assert.Equal(3, model.Introduction.Reports);
        Assert.Contains(model.Introduction.Languages, l => l.Language == "ar" && l.States == 1);
        Assert.False(string.IsNullOrWhiteSpace(model.Introduction.Evidence));
        Assert.Equal(3, model.Global.StatesReporting);
        Assert.Equal(193, model.Global.TotalStates);
        Assert.Equal(2, model.Global.Questions.Single(q => q.Key == Question.A).StatesAnswering);
        Assert.Equal(193, model.Regions.Sum(r => r.Subregions.Sum(s => s.TotalStates)));
        Assert.Equal(193, model.Regions.Sum(r => r.TotalStates));
        var westernAfrica = model.Regions.Single(r => r.Name == "Africa").Subregions.Single(s => s.Name == "Western Africa");
        Assert.Equal("Sub-Saharan Africa", westernAfrica.M49Subregion);
        Assert.Equal(["Nigeria"], westernAfrica.Reporting);
        Assert.Equal(2, westernAfrica.Excerpts.Count);
        Assert.Contains(westernAfrica.LeadingThemes, t => t.Key == "border-management");
        Assert.Equal(193, model.Annex.Count);
        Assert.Equal(3, model.Annex.Count(s => s.Reported));
        Assert.Null(model.Changes);
    }

    [Fact]
    public void Compile_Excerpts_AttributedAndTraceableToTheirParagraph()
    {
        var excerpt = Compile().Regions.SelectMany(r => r.Subregions).SelectMany(s => s.Excerpts).Single(x => x.Iso3 == "EGY");

        Assert.Equal("Egypt", excerpt.State);
        Assert.Equal(Question.B, excerpt.Question);
        Assert.Equal("ar", excerpt.Language);
        Assert.Equal("excerpt-EGY-b", excerpt.Id);
        Assert.Equal((2, 7, 1), (excerpt.Source.Page, excerpt.Source.Paragraph, excerpt.Source.Version));
        Assert.Equal("located/2026/EGY/report.pdf#page=2&paragraph=7", excerpt.Source.Reference);
    }

    [Fact]
    public void Compile_Themes_ByStateRegionAndQuestion()
    {
        var judicial = Compile().Themes.Single(t => t.Key == "judicial-cooperation");

        Assert.Equal(2, judicial.States);
        Assert.Equal(["EGY", "FRA"], judicial.StateCodes);
        Assert.Equal(["Africa", "Europe"], judicial.Regions);
        Assert.Equal(2, judicial.StatesByQuestion[Question.B]);
        Assert.Equal(0, judicial.StatesByQuestion[Question.A]);
    }

    [Fact]
    public void Compile_WithBaselineFromEarlierEditionJson_ListsNewReportersRevisionsAndThemeShifts()
    {
        var (submissions, answers) = Evidence();
        var earlier = CreateSut().Compile(Period.Parse("2026"), [submissions[0], submissions[2] with { Version = 1 }],
            [.. answers.Where(a => a.State.Iso3 is "FRA" or "NGA").Select(a => a with { Themes = a.State.Iso3 == "NGA" ? ["civil-society", "covid-19"] : a.Themes })],
            "20261001T000000Z", s_at.AddMonths(-1));
        var baseline = SurveyBaseline.TryParse(new JsonSurveyRenderer().Render(earlier))!;

        var changes = Compile(baseline).Changes!;

        Assert.Equal(("2026", "20261001T000000Z", 2, 3), (changes.BaselinePeriod, changes.BaselineEdition, changes.BaselineStatesReporting, changes.StatesReporting));
        Assert.Equal(["EGY"], changes.NewReporters.Select(s => s.Iso3));
        Assert.Equal(["NGA"], changes.RevisedReports.Select(s => s.Iso3));
        Assert.Empty(changes.NoLongerReporting);
        Assert.Contains(changes.Rising, t => t.Key == "cft" && t.BaselineStates == 0 && t.States == 1);
        Assert.Contains(changes.Falling, t => t.Key == "covid-19" && t.States == 0);
        Assert.All(changes.Rising, t => Assert.True(t.Delta > 0));
        Assert.All(changes.Falling, t => Assert.True(t.Delta < 0));
    }

    [Theory]
    [InlineData("2026", "2025")]
    [InlineData("2026-H1", "2025-H2")]
    [InlineData("2026-H2", "2026-H1")]
    [InlineData("2026-Q1", "2025-Q4")]
    [InlineData("2026-Q3", "2026-Q2")]
    [InlineData("1900", null)]
    public void Previous_Period_PeriodBefore(string period, string? expected) => Assert.Equal(expected, Period.Parse(period).Previous()?.Value);

    [Theory]
    [InlineData("2026-H3")]
    [InlineData("unfiled")]
    [InlineData("2026/H1")]
    [InlineData("")]
    public void TryParse_NotAPeriod_False(string text) => Assert.False(Period.TryParse(text, out _));

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"period\":\"2026\"}")]
    [InlineData("[1,2,3]")]
    public void TryParse_NotASurvey_Null(string json) => Assert.Null(SurveyBaseline.TryParse(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Render_Html_ReportMarkupIsTextAndEveryExcerptHasLanguageAndDirection()
    {
        var html = Encoding.UTF8.GetString(new HtmlSurveyRenderer().Render(Compile()));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        var quotes = Blockquote().Matches(html);
        Assert.Equal(5, quotes.Count);
        Assert.All(quotes, q => Assert.Matches("^<blockquote lang=\"[a-z]{2}\" dir=\"(ltr|rtl)\">$", q.Value));
        Assert.Contains("<blockquote lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote lang=\"fr\" dir=\"ltr\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Html_SelfContainedPrintableWithChartsAndWorkingSourceLinks()
    {
        var html = Encoding.UTF8.GetString(new HtmlSurveyRenderer().Render(Compile()));

        Assert.All(Reference().Matches(html), m => Assert.Matches("^(#|data:)", m.Groups[2].Value));
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Matches(html, "<svg ").Count);
        Assert.Contains("<th scope=\"col\">", html, StringComparison.Ordinal);
        var ids = Regex.Matches(html, " id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        var targets = Regex.Matches(html, " href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("source-EGY-b", targets);
        Assert.All(targets, t => Assert.Contains(t, ids));
        Assert.Contains("V. Changes since the previous edition", html, StringComparison.Ordinal);
        Assert.Contains("Annex I: reporting status", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Csv_OneRowPerStateAndQuestionAndNoCellStartsAFormula()
    {
        var csv = Encoding.UTF8.GetString(new CsvSurveyRenderer().Render(Compile())).TrimStart('\uFEFF');
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(CsvSurveyRenderer.Header, lines[0]);
        Assert.Equal((193 * 4) + 1, lines.Length);
        var rows = lines.Skip(1).Select(Csv.SplitLine).ToList();
        Assert.All(rows, r => Assert.Equal(17, r.Count));
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && "=+-@\t\r|＝＋－＠".Contains(cell[0]), $"Cell '{cell}' starts a formula."));
        var egypt = rows.Single(r => r[2] == "EGY" && r[10] == "b");
        Assert.Equal("'@SUM(A1) التعاون الدولي مع المديرية التنفيذية", egypt[16]);
        Assert.Equal("cft judicial-cooperation", egypt[13]);
        Assert.Contains(rows, r => r[2] == "NGA" && r[10] == "d" && r[16].StartsWith("'－1", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Json_SchemaVersionAndStates()
    {
        using var json = JsonDocument.Parse(new JsonSurveyRenderer().Render(Compile()));

        Assert.Equal(2, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(193, json.RootElement.GetProperty("annex").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("changes").ValueKind);
        Assert.Contains(json.RootElement.GetProperty("regions")[0].GetProperty("subregions").EnumerateArray(), s => s.GetProperty("m49Subregion").GetString() == "Sub-Saharan Africa");
    }

    [GeneratedRegex("<blockquote[^>]*>")]
    private static partial Regex Blockquote();

    [GeneratedRegex("(src|href|action|srcset|xlink:href)=\"([^\"]*)\"")]
    private static partial Regex Reference();
}
