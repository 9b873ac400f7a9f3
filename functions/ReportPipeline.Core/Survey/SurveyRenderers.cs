using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace ReportPipeline.Core.Survey;

/// <summary>Renders a survey model into one published file.</summary>
public interface ISurveyRenderer
{
    string FileName { get; }

    string ContentType { get; }

    byte[] Render(SurveyModel survey);
}

/// <summary>The survey model as JSON, with its schema version.</summary>
public sealed class JsonSurveyRenderer : ISurveyRenderer
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string FileName => "global-implementation-survey.json";

    public string ContentType => "application/json; charset=utf-8";

    public byte[] Render(SurveyModel survey) => JsonSerializer.SerializeToUtf8Bytes(survey, Options);
}

/// <summary>One row per Member State and question; cells a spreadsheet would run as formulas are neutralised.</summary>
public sealed class CsvSurveyRenderer : ISurveyRenderer
{
    public string FileName => "global-implementation-survey.csv";

    public string ContentType => "text/csv; charset=utf-8";

    public byte[] Render(SurveyModel survey)
    {
        var csv = new StringBuilder("period,iso3,state,region,area,reported,version,language,question,answered\n");
        foreach (var state in survey.Annex)
        {
            foreach (var question in GuidingQuestions.Keys)
            {
                string[] cells = [survey.Period, state.Iso3, state.Name, state.Region, state.Area, state.Reported ? "yes" : "no",
                    state.Version.ToString(CultureInfo.InvariantCulture), state.Language, question.ToString(), state.Coverage.Contains(question) ? "yes" : "no"];
                csv.AppendJoin(',', cells.Select(Csv.Cell)).Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}

/// <summary>A self-contained, printable HTML page; all report text is encoded.</summary>
public sealed class HtmlSurveyRenderer : ISurveyRenderer
{
    public string FileName => "global-implementation-survey.html";

    public string ContentType => "text/html; charset=utf-8";

    public byte[] Render(SurveyModel survey)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<title>Global Implementation Survey ").Append(E(survey.Period)).Append("</title>\n<style>")
            .Append("body{font-family:'Noto Sans',Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#1b1b1b}")
            .Append("table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:start;vertical-align:top}")
            .Append("th{background:#eef3f8}blockquote{margin:.5rem 0;padding:.5rem 1rem;border-inline-start:4px solid #009edb;background:#f7f9fb}")
            .Append(".cite{font-size:.85rem;color:#555}.bar{fill:#009edb}svg text{font-size:12px}")
            .Append("@media print{body{max-width:none;margin:0}section{break-inside:avoid-page}a{color:inherit;text-decoration:none}}</style>\n</head>\n<body>\n");

        h.Append("<header><h1>Global Implementation Survey of resolution 1373 (2001)</h1><p>Reporting period <strong>").Append(E(survey.Period))
            .Append("</strong> · edition ").Append(E(survey.Edition)).Append("</p></header>\n");

        h.Append("<section id=\"introduction\"><h2>I. Introduction</h2><p>").Append(E(survey.Introduction.Scope)).Append("</p><p>")
            .Append(E(survey.Introduction.Sources)).Append("</p><p>").Append(E(survey.Introduction.Method)).Append("</p></section>\n");

        var g = survey.Global;
        h.Append("<section id=\"global\"><h2>II. Global outlook</h2><p><strong>").Append(g.StatesReporting).Append("</strong> of ")
            .Append(g.TotalStates).Append(" Member States reported.</p>\n");
        AppendBarChart(h, "States answering each guiding question", [.. g.Questions.Select(q => ($"({q.Key}) {q.Title}", q.StatesAnswering))], g.TotalStates);
        h.Append("<table><thead><tr><th scope=\"col\">Question</th><th scope=\"col\">States answering</th><th scope=\"col\">Leading themes</th></tr></thead><tbody>\n");
        foreach (var q in g.Questions)
        {
            h.Append("<tr><th scope=\"row\">(").Append(q.Key).Append(") ").Append(E(q.Title)).Append("</th><td>").Append(q.StatesAnswering)
                .Append("</td><td>").Append(Themes(q.LeadingThemes)).Append("</td></tr>\n");
        }

        h.Append("</tbody></table></section>\n<section id=\"regions\"><h2>III. Regional outlook</h2>\n");
        foreach (var r in survey.Regions)
        {
            h.Append("<section><h3>").Append(E(r.Name)).Append("</h3><p>").Append(r.StatesReporting).Append(" of ").Append(r.TotalStates)
                .Append(" states reported. Leading themes: ").Append(Themes(r.LeadingThemes)).Append(".</p>\n")
                .Append("<table><thead><tr><th scope=\"col\">Sub-region</th><th scope=\"col\">Reported</th><th scope=\"col\">States reporting</th></tr></thead><tbody>\n");
            foreach (var a in r.Areas)
            {
                h.Append("<tr><th scope=\"row\">").Append(E(a.Name)).Append("</th><td>").Append(a.StatesReporting).Append(" / ").Append(a.TotalStates)
                    .Append("</td><td>").Append(E(string.Join(", ", a.Reporting))).Append("</td></tr>\n");
            }

            h.Append("</tbody></table>\n");
            foreach (var x in r.Excerpts)
            {
                var dir = x.Language == "ar" ? " dir=\"rtl\"" : "";
                h.Append("<figure id=\"excerpt-").Append(E(x.Iso3)).Append('-').Append(x.Question).Append("\"><blockquote lang=\"").Append(E(x.Language)).Append('"').Append(dir).Append('>')
                    .Append(E(x.Text)).Append("</blockquote><figcaption class=\"cite\">").Append(E(x.State)).Append(", question (").Append(x.Question)
                    .Append("), <a href=\"#state-").Append(E(x.Iso3)).Append("\">").Append(E(x.SourceBlob)).Append("</a>, page ").Append(x.Page)
                    .Append(", paragraph ").Append(x.Paragraph).Append("</figcaption></figure>\n");
            }

            h.Append("</section>\n");
        }

        h.Append("</section>\n<section id=\"themes\"><h2>IV. Thematic outlook</h2>\n<table><thead><tr><th scope=\"col\">Theme</th><th scope=\"col\">States</th><th scope=\"col\">Regions</th>");
        foreach (var k in GuidingQuestions.Keys)
        {
            h.Append("<th scope=\"col\">(").Append(k).Append(")</th>");
        }

        h.Append("</tr></thead><tbody>\n");
        foreach (var t in survey.Themes)
        {
            h.Append("<tr><th scope=\"row\">").Append(E(t.Title)).Append("</th><td>").Append(t.States).Append("</td><td>").Append(E(string.Join(", ", t.Regions))).Append("</td>");
            foreach (var k in GuidingQuestions.Keys)
            {
                h.Append("<td>").Append(t.StatesByQuestion.GetValueOrDefault(k.ToString())).Append("</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</tbody></table></section>\n<section id=\"annex\"><h2>Annex: reporting status of Member States</h2>\n")
            .Append("<table><thead><tr><th scope=\"col\">State</th><th scope=\"col\">Region</th><th scope=\"col\">Sub-region</th><th scope=\"col\">Reported</th><th scope=\"col\">Questions answered</th></tr></thead><tbody>\n");
        foreach (var s in survey.Annex)
        {
            h.Append("<tr id=\"state-").Append(E(s.Iso3)).Append("\"><th scope=\"row\">").Append(E(s.Name)).Append(" (").Append(E(s.Iso3)).Append(")</th><td>")
                .Append(E(s.Region)).Append("</td><td>").Append(E(s.Area)).Append("</td><td>").Append(s.Reported ? "yes" : "no").Append("</td><td>")
                .Append(E(string.Join(' ', s.Coverage.Select(c => $"({c})")))).Append("</td></tr>\n");
        }

        h.Append("</tbody></table></section>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(h.ToString());
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Themes(IEnumerable<ThemeCount> themes) =>
        E(string.Join(", ", themes.Select(t => $"{t.Title} ({t.States})")) is { Length: > 0 } s ? s : "none reported");

    private static void AppendBarChart(StringBuilder h, string title, IReadOnlyList<(string Label, int Value)> bars, int max)
    {
        const int RowHeight = 24, LabelWidth = 330, BarWidth = 300;
        h.Append("<svg role=\"img\" aria-label=\"").Append(E(title)).Append("\" width=\"").Append(LabelWidth + BarWidth + 50).Append("\" height=\"")
            .Append(bars.Count * RowHeight + 8).Append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>").Append(E(title)).Append("</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = i * RowHeight + 4;
            var width = max == 0 ? 0 : bars[i].Value * BarWidth / max;
            h.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\">{E(bars[i].Label)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{width}\" height=\"18\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + width + 6}\" y=\"{y + 15}\">{bars[i].Value}</text>");
        }

        h.Append("</svg>\n");
    }
}
