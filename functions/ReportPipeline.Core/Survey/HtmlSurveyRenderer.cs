using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReportPipeline.Core.Survey.Translation;

namespace ReportPipeline.Core.Survey;

/// <summary>
/// A self-contained, printable HTML page in one of the six languages: no scripts, no external resources (a CSP forbids
/// both), charts as inline SVG. Every word of the chrome comes from the language's profile; all report text is
/// HTML-encoded and every excerpt carries its own language and direction.
/// </summary>
public sealed partial class HtmlSurveyRenderer(SurveyLanguage language, SurveyLanguages languages) : ISurveyRenderer
{
    /// <summary>The file name of the edition in <paramref name="code"/>.</summary>
    public static string FileNameOf(string code) => $"global-implementation-survey.{code}.html";

    private const string Style =
        "body{font-family:'Noto Sans',Arial,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#1b1b1b}" +
        ":lang(ar){font-family:'Noto Naskh Arabic','Noto Sans Arabic','Amiri','Traditional Arabic',Tahoma,sans-serif}" +
        ":lang(zh){font-family:'Noto Sans CJK SC','Source Han Sans SC','Noto Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',SimSun,sans-serif}" +
        ":lang(ru){font-family:'Noto Sans','PT Sans',Arial,sans-serif}" +
        "h1{font-size:1.7rem}h2{border-bottom:2px solid #009edb;padding-bottom:.2rem;margin-top:2.5rem}h4{margin-bottom:.3rem}" +
        "table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:start;vertical-align:top}" +
        "th{background:#eef3f8}blockquote{margin:.5rem 0;padding:.5rem 1rem;border-inline-start:4px solid #009edb;background:#f7f9fb;white-space:pre-line;overflow-wrap:anywhere}" +
        "figure{margin:1rem 0}.cite{font-size:.85rem;color:#444}.bar{fill:#009edb}.bar.total{fill:#dde6ee}svg{max-width:100%;height:auto}svg text{font-size:12px;fill:#1b1b1b}" +
        ".machine{margin:.25rem 0 .5rem;padding:.25rem 1rem;border-inline-start:4px dashed #888;white-space:pre-line;overflow-wrap:anywhere}.machine p{margin:.2rem 0}" +
        ".machine-mark{font-size:.8rem;font-weight:bold;color:#444}" +
        ".muted{color:#555}.up{color:#0a6b2d}.down{color:#a3120f}nav ol{columns:2}.note{font-size:.9rem;color:#444;border-inline-start:3px solid #bbb;padding-inline-start:.6rem}" +
        "@page{margin:18mm 15mm}" +
        "@media print{body{max-width:none;margin:0;font-size:10.5pt}nav{display:none}a{color:inherit;text-decoration:none}" +
        "thead{display:table-header-group}tr,figure,svg{break-inside:avoid}h2,h3,h4{break-after:avoid}#annex{break-before:page}}";

    public string FileName => FileNameOf(language.Code);

    public string ContentType => "text/html; charset=utf-8";

    /// <summary>The language of this edition.</summary>
    public SurveyLanguage Edition => language;

    public byte[] Render(SurveyModel survey)
    {
        var t = language;
        var h = new StringBuilder(64 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"").Append(t.Code).Append("\" dir=\"").Append(t.Direction).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<link rel=\"icon\" href=\"data:,\">\n")
            .Append("<title>").Append(t.Html("page.title", ("period", E(survey.Period)))).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");

        h.Append("<header><h1>").Append(t.Html("page.heading")).Append("</h1><p>")
            .Append(t.Html("page.meta", ("period", $"<strong>{E(survey.Period)}</strong>"), ("edition", E(survey.Edition)), ("date", E(t.Date(survey.CompiledAt))),
                ("schema", E(t.Number(survey.SchemaVersion)))))
            .Append("</p><p class=\"muted\">").Append(t.Html("page.bodies", ("ctc", E(t["body.ctc"])), ("cted", E(t["body.cted"])))).Append("</p>")
            .Append("<p class=\"muted\">").Append(t.Html("page.resolution", ("subject", E(t["resolution.subject"])))).Append("</p>")
            .Append("<p class=\"muted\">").Append(EditionLinks()).Append("</p></header>\n")
            .Append("<nav aria-label=\"").Append(t.Html("nav.contents")).Append("\"><h2>").Append(t.Html("nav.contents")).Append("</h2><ol>");
        foreach (var (id, key) in s_sections)
        {
            h.Append("<li><a href=\"#").Append(id).Append("\">").Append(t.Html($"section.{key}")).Append("</a></li>");
        }

        h.Append("</ol></nav>\n<main>\n");

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

    private static readonly (string Id, string Key)[] s_sections =
        [("introduction", "introduction"), ("global", "global"), ("regions", "regions"), ("themes", "themes"), ("changes", "changes"), ("annex", "annex"), ("sources", "sources")];

    /// <summary>The edition in the other languages, each named in its own language and tagged with it.</summary>
    private string EditionLinks() =>
        language.Html("page.other-languages", ("languages", string.Join(" · ", languages.All.Where(l => l.Code != language.Code).Select(l =>
            $"<a href=\"{FileNameOf(l.Code)}\" hreflang=\"{l.Code}\" lang=\"{l.Code}\" dir=\"{l.Direction}\">{E(l.LanguageName(l.Code))}</a>"))));

    private void Introduction(StringBuilder h, SurveyModel survey)
    {
        var t = language;
        var i = survey.Introduction;
        h.Append("<section id=\"introduction\"><h2>").Append(t.Html("heading.introduction")).Append("</h2>\n<p>")
            .Append(t.Html("intro.scope", ("period", E(i.Period)), ("reported", N(survey.Global.StatesReporting)), ("total", N(survey.Global.TotalStates))))
            .Append("</p>\n<h3>").Append(t.Html("intro.sources.title")).Append("</h3><p>").Append(t.Html("intro.sources"))
            .Append("</p>\n<h3>").Append(t.Html("intro.method.title")).Append("</h3><p>").Append(t.Html("intro.method"))
            .Append("</p>\n<h3>").Append(t.Html("intro.evidence.title")).Append("</h3><p>").Append(t.Html("intro.evidence")).Append("</p>\n");
        if (i.Languages.Count > 0)
        {
            h.Append("<p>").Append(t.Html("intro.languages", ("languages", E(string.Join(t["list.separator"],
                i.Languages.Select(l => $"{t.LanguageName(l.Language)} ({t.Number(l.States)})")))))).Append("</p>\n");
        }

        var translation = (survey.Translations ?? SurveyTranslations.NotConfigured).StatusOf(t.Code) switch
        {
            TranslationStatus.Translated => "intro.excerpts-translated",
            TranslationStatus.Unavailable => "intro.excerpts-unavailable",
            _ => "intro.excerpts",
        };
        h.Append("<p class=\"note\" id=\"translation-note\">").Append(t.Html(translation)).Append("</p>\n");
        ReviewCount(h, i.Reviewed, i.Reports);
        h.Append("</section>\n");
    }

    private void Global(StringBuilder h, SurveyModel survey)
    {
        var t = language;
        var g = survey.Global;
        h.Append("<section id=\"global\"><h2>").Append(t.Html("heading.global")).Append("</h2><p>")
            .Append(t.Html("global.reported", ("reporting", $"<strong>{N(g.StatesReporting)}</strong>"), ("total", N(g.TotalStates)))).Append("</p>\n");
        BarChart(h, t["chart.questions"], [.. g.Questions.Select(q => ($"({q.Key}) {QuestionTitle(q.Key)}", q.StatesAnswering, g.TotalStates))]);
        h.Append("<table><caption>").Append(t.Html("table.questions")).Append("</caption><thead><tr><th scope=\"col\">").Append(t.Html("col.question"))
            .Append("</th><th scope=\"col\">").Append(t.Html("col.states-answering")).Append("</th><th scope=\"col\">").Append(t.Html("col.leading-themes"))
            .Append("</th></tr></thead><tbody>\n");
        foreach (var q in g.Questions)
        {
            h.Append("<tr><th scope=\"row\">(").Append(q.Key).Append(") ").Append(E(QuestionTitle(q.Key))).Append("<br><span class=\"muted\">")
                .Append(E(t[$"question.{q.Key}.text"])).Append("</span></th><td>").Append(N(q.StatesAnswering)).Append("</td><td>").Append(ThemeList(q.LeadingThemes))
                .Append("</td></tr>\n");
        }

        h.Append("</tbody></table>\n<p class=\"note\">").Append(t.Html("questions.note")).Append("</p>\n");
        BarChart(h, t["chart.regions"], [.. survey.Regions.Select(r => (Region(r.Name), r.StatesReporting, r.TotalStates))]);
        h.Append("</section>\n");
    }

    private void Regions(StringBuilder h, SurveyModel survey)
    {
        var t = language;
        h.Append("<section id=\"regions\"><h2>").Append(t.Html("heading.regions")).Append("</h2>\n");
        foreach (var r in survey.Regions)
        {
            h.Append("<section id=\"region-").Append(Slug(r.Name)).Append("\"><h3>").Append(E(Region(r.Name))).Append("</h3><p>")
                .Append(t.Html("region.summary", ("reporting", N(r.StatesReporting)), ("total", N(r.TotalStates)), ("themes", ThemeList(r.LeadingThemes)))).Append("</p>\n")
                .Append("<table><caption>").Append(t.Html("table.subregions")).Append("</caption><thead><tr><th scope=\"col\">").Append(t.Html("col.subregion"))
                .Append("</th><th scope=\"col\">").Append(t.Html("col.m49-subregion")).Append("</th><th scope=\"col\">").Append(t.Html("col.reported"))
                .Append("</th><th scope=\"col\">").Append(t.Html("col.states-reporting")).Append("</th></tr></thead><tbody>\n");
            foreach (var a in r.Subregions)
            {
                h.Append("<tr><th scope=\"row\">");
                if (a.StatesReporting > 0)
                {
                    h.Append("<a href=\"#subregion-").Append(Slug(a.Name)).Append("\">").Append(E(Region(a.Name))).Append("</a>");
                }
                else
                {
                    h.Append(E(Region(a.Name)));
                }

                h.Append("</th><td>").Append(E(Region(a.M49Subregion)))
                    .Append("</td><td>").Append(N(a.StatesReporting)).Append(" / ").Append(N(a.TotalStates)).Append("</td><td>")
                    .Append(E(string.Join(t["list.separator"], a.Reporting.Select(State)))).Append("</td></tr>\n");
            }

            h.Append("</tbody></table>\n");
            foreach (var a in r.Subregions.Where(a => a.StatesReporting > 0))
            {
                h.Append("<section id=\"subregion-").Append(Slug(a.Name)).Append("\"><h4>").Append(E(Region(a.Name))).Append("</h4><p>")
                    .Append(t.Html("region.summary", ("reporting", N(a.StatesReporting)), ("total", N(a.TotalStates)), ("themes", ThemeList(a.LeadingThemes)))).Append("</p>\n");
                foreach (var x in a.Excerpts)
                {
                    var lang = Language(x.Language);
                    h.Append("<figure id=\"").Append(E(x.Id)).Append("\"><blockquote lang=\"").Append(lang).Append("\" dir=\"").Append(SurveyLanguage.DirectionOf(lang)).Append("\">")
                        .Append(E(x.Text)).Append("</blockquote>").Append(MachineTranslation(survey, x)).Append("<figcaption class=\"cite\">")
                        .Append(t.Html("excerpt.cite", ("state", E(t.StateName(x.Iso3, x.State))), ("question", x.Question.ToString()),
                            ("source", $"<a href=\"#{E(x.Source.Id)}\">{t.Html("excerpt.source", ("page", N(x.Source.Page)), ("paragraph", N(x.Source.Paragraph)))}</a>")))
                        ;
                    ReviewMark(h, x.Review, null);
                    h.Append("</figcaption></figure>\n");
                }

                h.Append("</section>\n");
            }

            h.Append("</section>\n");
        }

        h.Append("</section>\n");
    }

    private void Themes(StringBuilder h, SurveyModel survey)
    {
        var t = language;
        h.Append("<section id=\"themes\"><h2>").Append(t.Html("heading.themes")).Append("</h2>\n");
        if (survey.Themes.Count == 0)
        {
            h.Append("<p>").Append(t.Html("themes.none")).Append("</p></section>\n");
            return;
        }

        BarChart(h, t["chart.themes"], [.. survey.Themes.Select(x => (Theme(x.Key, x.Title), x.States, survey.Global.StatesReporting))]);
        h.Append("<table><caption>").Append(t.Html("table.themes")).Append("</caption><thead><tr><th scope=\"col\">").Append(t.Html("col.theme"))
            .Append("</th><th scope=\"col\">").Append(t.Html("col.states")).Append("</th><th scope=\"col\">").Append(t.Html("col.regions")).Append("</th>");
        foreach (var q in GuidingQuestions.All)
        {
            h.Append("<th scope=\"col\"><abbr title=\"").Append(E(QuestionTitle(q.Key))).Append("\">(").Append(q.Key).Append(")</abbr></th>");
        }

        h.Append("</tr></thead><tbody>\n");
        foreach (var x in survey.Themes)
        {
            h.Append("<tr><th scope=\"row\">").Append(E(Theme(x.Key, x.Title))).Append("</th><td>").Append(N(x.States)).Append("</td><td>")
                .Append(E(string.Join(t["list.separator"], x.Regions.Select(Region)))).Append("</td>");
            foreach (var k in Question.All)
            {
                h.Append("<td>").Append(N(x.StatesByQuestion.GetValueOrDefault(k))).Append("</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</tbody></table></section>\n");
    }

    private void Changes(StringBuilder h, SurveyChanges? c)
    {
        var t = language;
        h.Append("<section id=\"changes\"><h2>").Append(t.Html("heading.changes")).Append("</h2>\n");
        if (c is null)
        {
            h.Append("<p>").Append(t.Html("changes.first")).Append("</p></section>\n");
            return;
        }

        h.Append("<p>").Append(t.Html("changes.compared", ("edition", E(c.BaselineEdition)), ("period", E(c.BaselinePeriod)), ("now", N(c.StatesReporting)),
            ("before", N(c.BaselineStatesReporting)))).Append("</p>\n");
        StateList(h, t["changes.new"], c.NewReporters);
        StateList(h, t["changes.revised"], c.RevisedReports);
        StateList(h, t["changes.gone"], c.NoLongerReporting);
        ThemeChanges(h, t["changes.rising"], c.Rising, "up");
        ThemeChanges(h, t["changes.falling"], c.Falling, "down");
        h.Append("</section>\n");
    }

    private void StateList(StringBuilder h, string title, IReadOnlyList<StateRef> states) =>
        h.Append("<h3>").Append(E(title)).Append(" (").Append(N(states.Count)).Append(")</h3><p>")
            .Append(states.Count == 0 ? language.Html("common.none")
                : E(string.Join(language["list.separator"], states.Select(s => $"{language.StateName(s.Iso3, s.Name)} ({s.Iso3})")))).Append("</p>\n");

    private void ThemeChanges(StringBuilder h, string title, IReadOnlyList<ThemeChange> changes, string css)
    {
        var t = language;
        h.Append("<h3>").Append(E(title)).Append("</h3>\n");
        if (changes.Count == 0)
        {
            h.Append("<p>").Append(t.Html("common.none")).Append("</p>\n");
            return;
        }

        h.Append("<table><thead><tr><th scope=\"col\">").Append(t.Html("col.theme")).Append("</th><th scope=\"col\">").Append(t.Html("col.states-before"))
            .Append("</th><th scope=\"col\">").Append(t.Html("col.states-now")).Append("</th><th scope=\"col\">").Append(t.Html("col.share")).Append("</th></tr></thead><tbody>\n");
        foreach (var x in changes)
        {
            var delta = (x.Delta > 0 ? t.Culture.NumberFormat.PositiveSign : "") + t.Number(x.Delta);
            h.Append("<tr><th scope=\"row\">").Append(E(Theme(x.Key, x.Title))).Append("</th><td>").Append(N(x.BaselineStates)).Append("</td><td>").Append(N(x.States))
                .Append("</td><td class=\"").Append(css).Append("\">")
                .Append(t.Html("changes.share", ("before", E(t.Number(x.BaselineShare))), ("now", E(t.Number(x.Share))), ("delta", E(delta)))).Append("</td></tr>\n");
        }

        h.Append("</tbody></table>\n");
    }

    private void Annex(StringBuilder h, SurveyModel survey)
    {
        var t = language;
        h.Append("<section id=\"annex\"><h2>").Append(t.Html("heading.annex")).Append("</h2>\n<p>")
            .Append(t.Html("global.reported", ("reporting", N(survey.Global.StatesReporting)), ("total", N(survey.Annex.Count)))).Append("</p>\n");
        ReviewCount(h, survey.Introduction.Reviewed, survey.Introduction.Reports);
        h.Append("<table><thead><tr>");
        foreach (var column in (string[])["col.state", "col.region", "col.subregion", "col.reported", "col.version", "col.language", "col.questions-answered", "col.answers"])
        {
            h.Append("<th scope=\"col\">").Append(t.Html(column)).Append("</th>");
        }

        h.Append("</tr></thead><tbody>\n");
        foreach (var s in survey.Annex)
        {
            h.Append("<tr id=\"state-").Append(E(s.Iso3)).Append("\"><th scope=\"row\">").Append(E(t.StateName(s.Iso3, s.Name))).Append(" (").Append(E(s.Iso3)).Append(")</th><td>")
                .Append(E(Region(s.Region))).Append("</td><td>").Append(E(Region(s.Area))).Append("</td><td>").Append(t.Html(s.Reported ? "common.yes" : "common.no")).Append("</td><td>")
                .Append(s.Reported ? N(s.Version) : "").Append("</td><td>").Append(s.Language.Length > 0 ? E(t.LanguageName(s.Language)) : "").Append("</td><td>")
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
    private void ReviewCount(StringBuilder h, int reviewed, int reports) =>
        h.Append("<p>").Append(language.Html("review.count", ("reviewed", N(reviewed)), ("reports", N(reports)))).Append("</p>\n");

    /// <summary>A state's answers marked as an analyst's (with the date) or the machine's.</summary>
    private void ReviewMark(StringBuilder h, string review, DateTimeOffset? at)
    {
        h.Append(" <span class=\"review\" data-review=\"").Append(E(review)).Append("\">").Append(language.Html($"review.{review}"));
        if (at is { } date)
        {
            h.Append(' ').Append(E(language.Date(date)));
        }

        h.Append("</span>");
    }

    private void Sources(StringBuilder h, SurveyModel survey)
    {
        var t = language;
        h.Append("<section id=\"sources\"><h2>").Append(t.Html("heading.sources")).Append("</h2>\n<p>").Append(t.Html("sources.intro")).Append("</p>\n<ol>\n");
        foreach (var x in survey.Regions.SelectMany(r => r.Subregions).SelectMany(a => a.Excerpts))
        {
            h.Append("<li id=\"").Append(E(x.Source.Id)).Append("\"><a href=\"#").Append(E(x.Id)).Append("\">")
                .Append(t.Html("sources.excerpt", ("state", E(t.StateName(x.Iso3, x.State))), ("question", x.Question.ToString()))).Append("</a>: <code dir=\"ltr\">")
                .Append(E(x.Source.Blob)).Append("</code>, ")
                .Append(t.Html("sources.where", ("version", N(x.Source.Version)), ("page", N(x.Source.Page)), ("paragraph", N(x.Source.Paragraph))))
                .Append(" <span class=\"muted\">(<code dir=\"ltr\">").Append(E(x.Source.Reference)).Append("</code>, SHA-256 <code dir=\"ltr\">")
                .Append(E(x.Source.ContentHash.Length > 16 ? x.Source.ContentHash[..16] : x.Source.ContentHash)).Append("…</code>)</span></li>\n");
        }

        h.Append("</ol></section>\n");
    }

    /// <summary>The excerpt's machine translation into this edition's language, marked as such, or nothing.</summary>
    private string MachineTranslation(SurveyModel survey, Excerpt x) =>
        survey.Translations?.Of(language.Code, x.Id) is { } text
            ? $"<div class=\"machine\" lang=\"{language.Code}\" dir=\"{language.Direction}\"><p class=\"machine-mark\">{language.Html("excerpt.machine")}</p><p>{E(text)}</p></div>"
            : "";

    private static string E(string text) => SurveyLanguage.Encode(text);

    private string N(int value) => E(language.Number(value));

    private string QuestionTitle(Question key) => language[$"question.{key}.title"];

    private string Theme(string key, string fallback) => language.Text.TryGetValue($"theme.{key}", out var title) ? title : fallback;

    private string Region(string englishName) => language.RegionName(languages.M49Of(englishName), englishName);

    private string State(string englishName) => languages.Iso3Of(englishName) is { } iso3 ? language.StateName(iso3, englishName) : englishName;

    /// <summary>A BCP 47 tag as the detector gives it, or empty (unknown) for anything else.</summary>
    private static string Language(string tag) => LanguageTag().IsMatch(tag) ? tag : "";

    private static string Slug(string name) => new([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    private string ThemeList(IEnumerable<ThemeCount> themes) =>
        E(string.Join(language["list.separator"], themes.Select(x => $"{Theme(x.Key, x.Title)} ({language.Number(x.States)})")) is { Length: > 0 } s ? s : language["themes.none-reported"]);

    /// <summary>
    /// Horizontal bars against a light bar for the total, with the figure at the end of each; in a right-to-left language
    /// the whole chart is mirrored: labels on the right, bars growing leftwards.
    /// </summary>
    private void BarChart(StringBuilder h, string title, IReadOnlyList<(string Label, int Value, int Of)> bars)
    {
        const int RowHeight = 24, LabelWidth = 330, BarWidth = 300, Width = LabelWidth + BarWidth + 70;
        var rtl = language.Direction == "rtl";
        h.Append("<figure><svg role=\"img\" aria-label=\"").Append(E(title)).Append("\" viewBox=\"0 0 ").Append(Width).Append(' ')
            .Append((bars.Count * RowHeight) + 8).Append("\" width=\"").Append(Width).Append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>")
            .Append(E(title)).Append("</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = (i * RowHeight) + 4;
            var of = Math.Max(bars[i].Of, 1);
            var width = Math.Clamp(bars[i].Value, 0, of) * BarWidth / of;
            var (labelX, totalX, barX, figureX) = rtl
                ? (Width, Width - LabelWidth - BarWidth, Width - LabelWidth - width, Width - LabelWidth - BarWidth - 6)
                : (0, LabelWidth, LabelWidth, LabelWidth + BarWidth + 6);
            var anchor = rtl ? " text-anchor=\"end\" direction=\"rtl\"" : "";
            h.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelX}\" y=\"{y + 15}\"{anchor}>{E(bars[i].Label)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"bar total\" x=\"{totalX}\" y=\"{y}\" width=\"{BarWidth}\" height=\"18\"/>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{barX}\" y=\"{y}\" width=\"{width}\" height=\"18\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{figureX}\" y=\"{y + 15}\"{anchor}>{N(bars[i].Value)} / {N(bars[i].Of)}</text>");
        }

        h.Append("</svg><figcaption class=\"cite\">").Append(E(title)).Append("</figcaption></figure>\n");
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
