using System.Text;
using System.Text.Json;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Survey;

namespace ReportPipeline.Core.Tests;

public sealed class SurveyRenderingTests
{
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    private static SurveyModel CreateModel()
    {
        var compiler = new SurveyCompiler(Keys.States, ThemeCatalog.Default, new FakeReportLocator());
        var at = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        SubmissionRecord[] submissions =
        [
            new(Keys.Submission("2026", "FRA"), "h1", "2026/FRA/r.txt", "text", "fr", 1, QuestionSet.Parse("a"), [], at, at, "rules-1", 1),
            new(Keys.Submission("2026", "EGY"), "h2", "2026/EGY/r.txt", "text", "ar", 1, QuestionSet.Parse("b"), [], at, at, "rules-1", 1),
        ];
        StoredAnswer[] answers =
        [
            new(Keys.State("FRA"), Question.A, 0, Hostile, 0.9, "marker", [new Provenance(1, 2)], ["border-management"]),
            new(Keys.State("EGY"), Question.B, 0, "=HYPERLINK(\"http://x\") التعاون الدولي", 0.9, "marker", [new Provenance(2, 5)], ["cft"]),
        ];
        return compiler.Compile(Period.Parse("2026"), submissions, answers, "20261101T000000Z", at);
    }

    [Fact]
    public void Compile_TwoStates_CountsCoverageAgainst193()
    {
        var model = CreateModel();

        Assert.Equal(2, model.Global.StatesReporting);
        Assert.Equal(193, model.Global.TotalStates);
        Assert.Equal(193, model.Annex.Count);
        Assert.Equal(1, model.Global.Questions.Single(q => q.Key == Question.A).StatesAnswering);
        Assert.Equal(5, model.Regions.Count);
    }

    [Fact]
    public void Render_Html_EncodesReportTextAndMarksArabicRtl()
    {
        var html = Encoding.UTF8.GetString(new HtmlSurveyRenderer().Render(CreateModel()));

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"ar\" dir=\"rtl\"", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"fr\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Json_ReadsBackAsTheNextEditionsBaseline()
    {
        var json = new JsonSurveyRenderer().Render(CreateModel());

        var baseline = SurveyBaseline.TryParse(json)!;
        Assert.Equal(("2026", "20261101T000000Z", 2), (baseline.Period.Value, baseline.Edition, baseline.StatesReporting));
        Assert.Equal(new Dictionary<string, int> { ["EGY"] = 1, ["FRA"] = 1 }, baseline.VersionsByState);
        Assert.Equal(1, baseline.ThemeStates["cft"]);
        using var document = JsonDocument.Parse(json);
        var france = document.RootElement.GetProperty("annex").EnumerateArray().Single(s => s.GetProperty("iso3").GetString() == "FRA");
        Assert.Equal("a", france.GetProperty("coverage").GetString());
        Assert.Equal("a", france.GetProperty("answers")[0].GetProperty("question").GetString());
        Assert.Equal(1, document.RootElement.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "cft")
            .GetProperty("statesByQuestion").GetProperty("b").GetInt32());
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    public void Cell_FormulaOrSeparator_Neutralised(string value, string expected) => Assert.Equal(expected, Csv.Cell(value));
}
