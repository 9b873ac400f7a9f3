using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportPipeline.Core.Survey;

/// <summary>
/// A self-contained, printable HTML page: no scripts, no external resources (a CSP forbids both), charts as
/// inline SVG. All report text is HTML-encoded; every excerpt carries its language and direction.
/// </summary>
public sealed partial class HtmlSurveyRenderer : ISurveyRenderer
{
    private static readonly HashSet<string> s_rightToLeft = new(StringComparer.OrdinalIgnoreCase) { "ar", "fa", "he", "ps", "ur", "ug", "sd", "yi", "dv" };

    private const string Style =
        "body{font-family:'Noto Sans','Noto Naskh Arabic','Noto Sans CJK SC',Arial,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#1b1b1b}" +
        "h1{font-size:1.7rem}h2{border-bottom:2px solid #009edb;padding-bottom:.2rem;margin-top:2.5rem}h4{margin-bottom:.3rem}" +
        "table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:start;vertical-align:top}" +
        "th{background:#eef3f8}blockquote{margin:.5rem 0;padding:.5rem 1rem;border-inline-start:4px solid #009edb;background:#f7f9fb;white-space:pre-line;overflow-wrap:anywhere}" +
        "figure{margin:1rem 0}.cite{font-size:.85rem;color:#444}.bar{fill:#009edb}.bar.total{fill:#dde6ee}svg{max-width:100%;height:auto}svg text{font-size:12px;fill:#1b1b1b}" +
        ".muted{color:#555}.up{color:#0a6b2d}.down{color:#a3120f}nav ol{columns:2}" +
        "@page{margin:18mm 15mm}" +
        "@media print{body{max-width:none;margin:0;font-size:10.5pt}nav{display:none}a{color:inherit;text-decoration:none}" +
        "thead{display:table-header-group}tr,figure,svg{break-inside:avoid}h2,h3,h4{break-after:avoid}#annex{break-before:page}}";

    public string FileName => "global-implementation-survey.html";

    public string ContentType => "text/html; charset=utf-8";

    public byte[] Render(SurveyModel survey)
    {
        var h = new StringBuilder(64 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<link rel=\"icon\" href=\"data:,\">\n")
            .Append("<title>Global Implementation Survey ").Append(E(survey.Period)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");

        h.Append("<header><h1>Global survey of the implementation of Security Council resolution 1373 (2001) by Member States</h1><p>Reporting period <strong>")
            .Append(E(survey.Period)).Append("</strong> · edition ").Append(E(survey.Edition)).Append(" · schema ").Append(survey.SchemaVersion).Append("</p></header>\n")
            .Append("<nav aria-label=\"Contents\"><h2>Contents</h2><ol><li><a href=\"#introduction\">Introduction</a></li><li><a href=\"#global\">Global outlook</a></li>")
            .Append("<li><a href=\"#regions\">Regional outlook</a></li><li><a href=\"#themes\">Thematic outlook</a></li><li><a href=\"#changes\">Changes since the previous edition</a></li>")
            .Append("<li><a href=\"#annex\">Annex I: reporting status of Member States</a></li><li><a href=\"#sources\">Annex II: sources of the excerpts</a></li></ol></nav>\n<main>\n");

        Introduction(h, survey);
        Global(h, survey);
        Regions(h, survey);
        Themes(h, survey);
        Changes(h, survey.Changes);
        Annex(h, survey);
        Sources(h, survey);
        h.Append("</main>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(h.ToString());
    }

    private static void Introduction(StringBuilder h, SurveyModel survey)
    {
        var i = survey.Introduction;
        h.Append("<section id=\"introduction\"><h2>I. Introduction</h2>\n<p>").Append(E(i.Scope)).Append("</p>\n<h3>Sources</h3><p>").Append(E(i.Sources))
            .Append("</p>\n<h3>Method</h3><p>").Append(E(i.Method)).Append("</p>\n<h3>What the evidence is</h3><p>").Append(E(i.Evidence)).Append("</p>\n");
        if (i.Languages.Count > 0)
        {
            h.Append("<p>Reports by language: ").Append(E(string.Join(", ", i.Languages.Select(l => $"{l.Language} ({l.States})")))).Append(".</p>\n");
        }

        ReviewCount(h, i.Reviewed, i.Reports);
        h.Append("</section>\n");
    }

    private static void Global(StringBuilder h, SurveyModel survey)
    {
        var g = survey.Global;
        h.Append("<section id=\"global\"><h2>II. Global outlook</h2><p><strong>").Append(g.StatesReporting).Append("</strong> of ")
            .Append(g.TotalStates).Append(" Member States reported.</p>\n");
        BarChart(h, "States answering each guiding question", [.. g.Questions.Select(q => ($"({q.Key}) {q.Title}", q.StatesAnswering, g.TotalStates))]);
        h.Append("<table><caption>Answers to the guiding questions</caption><thead><tr><th scope=\"col\">Question</th>"
            + "<th scope=\"col\">States answering</th><th scope=\"col\">Leading themes</th></tr></thead><tbody>\n");
        foreach (var q in g.Questions)
        {
            h.Append("<tr><th scope=\"row\">(").Append(q.Key).Append(") ").Append(E(q.Title)).Append("<br><span class=\"muted\">").Append(E(q.Text)).Append("</span></th><td>")
                .Append(q.StatesAnswering).Append("</td><td>").Append(ThemeList(q.LeadingThemes)).Append("</td></tr>\n");
        }

        h.Append("</tbody></table>\n");
        BarChart(h, "Member States reporting, by region", [.. survey.Regions.Select(r => (r.Name, r.StatesReporting, r.TotalStates))]);
        h.Append("</section>\n");
    }

    private static void Regions(StringBuilder h, SurveyModel survey)
    {
        h.Append("<section id=\"regions\"><h2>III. Regional outlook</h2>\n");
        foreach (var r in survey.Regions)
        {
            h.Append("<section id=\"region-").Append(Slug(r.Name)).Append("\"><h3>").Append(E(r.Name)).Append("</h3><p>").Append(r.StatesReporting).Append(" of ").Append(r.TotalStates)
                .Append(" States reported. Leading themes: ").Append(ThemeList(r.LeadingThemes)).Append(".</p>\n")
                .Append("<table><caption>Coverage by sub-region</caption><thead><tr><th scope=\"col\">Sub-region</th><th scope=\"col\">M49 sub-region</th>"
                    + "<th scope=\"col\">Reported</th><th scope=\"col\">States reporting</th></tr></thead><tbody>\n");
            foreach (var a in r.Subregions)
            {
                h.Append("<tr><th scope=\"row\">");
                if (a.StatesReporting > 0)
                {
                    h.Append("<a href=\"#subregion-").Append(Slug(a.Name)).Append("\">").Append(E(a.Name)).Append("</a>");
                }
                else
                {
                    h.Append(E(a.Name));
                }

                h.Append("</th><td>").Append(E(a.M49Subregion))
                    .Append("</td><td>").Append(a.StatesReporting).Append(" / ").Append(a.TotalStates).Append("</td><td>").Append(E(string.Join(", ", a.Reporting))).Append("</td></tr>\n");
            }

            h.Append("</tbody></table>\n");
            foreach (var a in r.Subregions.Where(a => a.StatesReporting > 0))
            {
                h.Append("<section id=\"subregion-").Append(Slug(a.Name)).Append("\"><h4>").Append(E(a.Name)).Append("</h4><p>").Append(a.StatesReporting).Append(" of ")
                    .Append(a.TotalStates).Append(" States reported. Leading themes: ").Append(ThemeList(a.LeadingThemes)).Append(".</p>\n");
                foreach (var x in a.Excerpts)
                {
                    var lang = Language(x.Language);
                    h.Append("<figure id=\"").Append(E(x.Id)).Append("\"><blockquote lang=\"").Append(lang).Append("\" dir=\"").Append(Direction(lang)).Append("\">")
                        .Append(E(x.Text)).Append("</blockquote><figcaption class=\"cite\">").Append(E(x.State)).Append(", on question (").Append(x.Question)
                        .Append(") — <a href=\"#").Append(E(x.Source.Id)).Append("\">page ").Append(x.Source.Page).Append(", paragraph ").Append(x.Source.Paragraph)
                        .Append(" of its report</a>");
                    ReviewMark(h, x.Review, null);
                    h.Append("</figcaption></figure>\n");
                }

                h.Append("</section>\n");
            }

            h.Append("</section>\n");
        }

        h.Append("</section>\n");
    }

    private static void Themes(StringBuilder h, SurveyModel survey)
    {
        h.Append("<section id=\"themes\"><h2>IV. Thematic outlook</h2>\n");
        if (survey.Themes.Count == 0)
        {
            h.Append("<p>No theme was raised.</p></section>\n");
            return;
        }

        BarChart(h, "States raising each theme", [.. survey.Themes.Select(t => (t.Title, t.States, survey.Global.StatesReporting))]);
        h.Append("<table><caption>Themes by guiding question (number of States)</caption><thead><tr><th scope=\"col\">Theme</th><th scope=\"col\">States</th><th scope=\"col\">Regions</th>");
        foreach (var q in GuidingQuestions.All)
        {
            h.Append("<th scope=\"col\"><abbr title=\"").Append(E(q.Title)).Append("\">(").Append(q.Key).Append(")</abbr></th>");
        }

        h.Append("</tr></thead><tbody>\n");
        foreach (var t in survey.Themes)
        {
            h.Append("<tr><th scope=\"row\">").Append(E(t.Title)).Append("</th><td>").Append(t.States).Append("</td><td>").Append(E(string.Join(", ", t.Regions))).Append("</td>");
            foreach (var k in Question.All)
            {
                h.Append("<td>").Append(t.StatesByQuestion.GetValueOrDefault(k)).Append("</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</tbody></table></section>\n");
    }

    private static void Changes(StringBuilder h, SurveyChanges? c)
    {
        h.Append("<section id=\"changes\"><h2>V. Changes since the previous edition</h2>\n");
        if (c is null)
        {
            h.Append("<p>This is the first edition: there is nothing to compare with.</p></section>\n");
            return;
        }

        h.Append("<p>Compared with edition ").Append(E(c.BaselineEdition)).Append(" of ").Append(E(c.BaselinePeriod)).Append(": ")
            .Append(c.StatesReporting).Append(" States reporting, against ").Append(c.BaselineStatesReporting).Append(".</p>\n");
        StateList(h, "New reporters", c.NewReporters);
        StateList(h, "Revised reports", c.RevisedReports);
        StateList(h, "No longer reporting", c.NoLongerReporting);
        ThemeChanges(h, "Themes rising", c.Rising, "up");
        ThemeChanges(h, "Themes falling", c.Falling, "down");
        h.Append("</section>\n");
    }

    private static void StateList(StringBuilder h, string title, IReadOnlyList<StateRef> states) =>
        h.Append("<h3>").Append(E(title)).Append(" (").Append(states.Count).Append(")</h3><p>")
            .Append(states.Count == 0 ? "None." : E(string.Join(", ", states.Select(s => $"{s.Name} ({s.Iso3})")))).Append("</p>\n");

    private static void ThemeChanges(StringBuilder h, string title, IReadOnlyList<ThemeChange> changes, string css)
    {
        h.Append("<h3>").Append(E(title)).Append("</h3>\n");
        if (changes.Count == 0)
        {
            h.Append("<p>None.</p>\n");
            return;
        }

        h.Append("<table><thead><tr><th scope=\"col\">Theme</th><th scope=\"col\">States before</th><th scope=\"col\">States now</th>"
            + "<th scope=\"col\">Share of reporting States</th></tr></thead><tbody>\n");
        foreach (var t in changes)
        {
            h.Append("<tr><th scope=\"row\">").Append(E(t.Title)).Append("</th><td>").Append(t.BaselineStates).Append("</td><td>").Append(t.States)
                .Append(CultureInfo.InvariantCulture, $"</td><td class=\"{css}\">{t.BaselineShare:0.0}% → {t.Share:0.0}% ({t.Delta:+0.0;-0.0} points)</td></tr>\n");
        }

        h.Append("</tbody></table>\n");
    }

    private static void Annex(StringBuilder h, SurveyModel survey)
    {
        h.Append("<section id=\"annex\"><h2>Annex I: reporting status of Member States</h2>\n<p>").Append(survey.Global.StatesReporting).Append(" of ")
            .Append(survey.Annex.Count).Append(" Member States reported.</p>\n");
        ReviewCount(h, survey.Introduction.Reviewed, survey.Introduction.Reports);
        h.Append("<table><thead><tr><th scope=\"col\">State</th><th scope=\"col\">Region</th><th scope=\"col\">Sub-region</th><th scope=\"col\">Reported</th>"
                + "<th scope=\"col\">Version</th><th scope=\"col\">Language</th><th scope=\"col\">Questions answered</th><th scope=\"col\">Answers</th></tr></thead><tbody>\n");
        foreach (var s in survey.Annex)
        {
            h.Append("<tr id=\"state-").Append(E(s.Iso3)).Append("\"><th scope=\"row\">").Append(E(s.Name)).Append(" (").Append(E(s.Iso3)).Append(")</th><td>")
                .Append(E(s.Region)).Append("</td><td>").Append(E(s.Area)).Append("</td><td>").Append(s.Reported ? "yes" : "no").Append("</td><td>")
                .Append(s.Reported ? s.Version.ToString(CultureInfo.InvariantCulture) : "").Append("</td><td>").Append(E(s.Language)).Append("</td><td>")
                .Append(E(string.Join(' ', s.Coverage.Select(c => $"({c})")))).Append("</td><td>");
            if (s.Reported)
            {
                ReviewMark(h, s.Review, s.ReviewedAt);
            }

            h.Append("</td></tr>\n");
        }

        h.Append("</tbody></table></section>\n");
    }

    /// <summary>How many of the reports an analyst checked: the rest are as the machine extracted them.</summary>
    private static void ReviewCount(StringBuilder h, int reviewed, int reports) =>
        h.Append("<p>Answers reviewed by an analyst: ").Append(reviewed).Append(" of ").Append(reports)
            .Append(" reports; the others are machine-extracted.</p>\n");

    /// <summary>A state's answers marked as an analyst's (with the date) or the machine's.</summary>
    private static void ReviewMark(StringBuilder h, string review, DateTimeOffset? at)
    {
        h.Append(" <span class=\"review\">").Append(E(review));
        if (at is { } date)
        {
            h.Append(' ').Append(date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        h.Append("</span>");
    }

    private static void Sources(StringBuilder h, SurveyModel survey)
    {
        h.Append("<section id=\"sources\"><h2>Annex II: sources of the excerpts</h2>\n<p>Each excerpt's report, the version stored, and the page and paragraph it was taken from.</p>\n<ol>\n");
        foreach (var x in survey.Regions.SelectMany(r => r.Subregions).SelectMany(a => a.Excerpts))
        {
            h.Append("<li id=\"").Append(E(x.Source.Id)).Append("\"><a href=\"#").Append(E(x.Id)).Append("\">").Append(E(x.State)).Append(", question (").Append(x.Question)
                .Append(")</a>: <code>").Append(E(x.Source.Blob)).Append("</code>, version ").Append(x.Source.Version).Append(", page ").Append(x.Source.Page)
                .Append(", paragraph ").Append(x.Source.Paragraph).Append(" <span class=\"muted\">(<code>").Append(E(x.Source.Reference)).Append("</code>, SHA-256 ")
                .Append(E(x.Source.ContentHash.Length > 16 ? x.Source.ContentHash[..16] : x.Source.ContentHash)).Append("…)</span></li>\n");
        }

        h.Append("</ol></section>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A BCP 47 tag as the detector gives it, or empty (unknown) for anything else.</summary>
    private static string Language(string tag) => LanguageTag().IsMatch(tag) ? tag : "";

    private static string Direction(string lang) => lang.Length == 0 ? "auto" : s_rightToLeft.Contains(lang.Split('-')[0]) ? "rtl" : "ltr";

    private static string Slug(string name) => new([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    private static string ThemeList(IEnumerable<ThemeCount> themes) =>
        E(string.Join(", ", themes.Select(t => $"{t.Title} ({t.States})")) is { Length: > 0 } s ? s : "none reported");

    /// <summary>Horizontal bars against a light bar for the total, with the figure at the end of each.</summary>
    private static void BarChart(StringBuilder h, string title, IReadOnlyList<(string Label, int Value, int Of)> bars)
    {
        const int RowHeight = 24, LabelWidth = 330, BarWidth = 300;
        h.Append("<figure><svg role=\"img\" aria-label=\"").Append(E(title)).Append("\" viewBox=\"0 0 ").Append(LabelWidth + BarWidth + 70).Append(' ')
            .Append((bars.Count * RowHeight) + 8).Append("\" width=\"").Append(LabelWidth + BarWidth + 70).Append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>")
            .Append(E(title)).Append("</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = (i * RowHeight) + 4;
            var of = Math.Max(bars[i].Of, 1);
            var width = Math.Clamp(bars[i].Value, 0, of) * BarWidth / of;
            h.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\">{E(bars[i].Label)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"bar total\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{BarWidth}\" height=\"18\"/>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{width}\" height=\"18\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + BarWidth + 6}\" y=\"{y + 15}\">{bars[i].Value} / {bars[i].Of}</text>");
        }

        h.Append("</svg><figcaption class=\"cite\">").Append(E(title)).Append("</figcaption></figure>\n");
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
