using ReportPipeline.Core.Extraction;
using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Survey;

/// <summary>Builds the survey model of a period from the stored submissions and answers. Pure and deterministic.</summary>
public sealed class SurveyCompiler(MemberStateRegistry states, ThemeCatalog themes)
{
    private const int LeadingThemeCount = 5;
    private const int ExcerptsPerRegion = 8;
    private const int ExcerptLength = 600;

    public SurveyModel Compile(string period, IReadOnlyList<SubmissionRecord> submissions, IReadOnlyList<StoredAnswer> answers, string edition, DateTimeOffset compiledAt)
    {
        var reported = submissions.Where(s => states.TryGet(s.Iso3, out _)).ToDictionary(s => s.Iso3, StringComparer.Ordinal);
        var answersByState = answers.Where(a => reported.ContainsKey(a.Iso3)).ToLookup(a => a.Iso3, StringComparer.Ordinal);

        var questions = GuidingQuestions.All.Select(q =>
        {
            var answering = answers.Where(a => a.Question == q.Key && reported.ContainsKey(a.Iso3)).ToList();
            return new QuestionOutlook(q.Key, q.Title, q.Text, answering.Select(a => a.Iso3).Distinct().Count(), LeadingThemes(answering));
        }).ToList();

        var regions = states.All.GroupBy(s => s.Region).OrderBy(g => g.Key, StringComparer.Ordinal).Select(region =>
        {
            var regionAnswers = region.SelectMany(s => answersByState[s.Iso3]).ToList();
            var areas = region.GroupBy(s => s.Area).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(a => new AreaOutlook(a.Key, a.Count(s => reported.ContainsKey(s.Iso3)), a.Count(),
                    [.. a.Where(s => reported.ContainsKey(s.Iso3)).Select(s => s.Name)]))
                .ToList();
            return new RegionOutlook(region.Key, region.Count(s => reported.ContainsKey(s.Iso3)), region.Count(), areas,
                LeadingThemes(regionAnswers), Excerpts(regionAnswers, reported));
        }).ToList();

        var themeOutlooks = themes.Themes.Select(t =>
        {
            var raising = answers.Where(a => reported.ContainsKey(a.Iso3) && a.Themes.Contains(t.Key)).ToList();
            var regionNames = raising.Select(a => Region(a.Iso3)).Distinct().Order(StringComparer.Ordinal).ToList();
            var byQuestion = GuidingQuestions.Keys.ToDictionary(k => k.ToString(), k => raising.Where(a => a.Question == k).Select(a => a.Iso3).Distinct().Count());
            return new ThemeOutlook(t.Key, t.Title, raising.Select(a => a.Iso3).Distinct().Count(), regionNames, byQuestion);
        }).Where(t => t.States > 0).OrderByDescending(t => t.States).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();

        var annex = states.All.Select(s => reported.TryGetValue(s.Iso3, out var sub)
            ? new StateStatus(s.Iso3, s.Name, s.Region, s.Area, true, sub.Version, sub.Language, sub.Coverage)
            : new StateStatus(s.Iso3, s.Name, s.Region, s.Area, false, 0, "", "")).ToList();

        var introduction = new SurveyIntroduction(
            $"Implementation of resolution 1373 (2001) by Member States, reporting period {period}: {reported.Count} of {states.All.Count} Member States submitted a report.",
            "The evidence is what Member States submitted to the Counter-Terrorism Committee for this period, in the language they chose; no country-visit or assessment material is included.",
            "Each report was analysed and its answers to the four guiding questions of the concept note (paragraph 9) located by explicit markers, headings and content; every excerpt cites its page and paragraph. Regions follow UN M49.");

        return new SurveyModel(SurveyModel.CurrentSchemaVersion, period, edition, compiledAt, introduction,
            new GlobalOutlook(reported.Count, states.All.Count, questions), regions, themeOutlooks, annex);
    }

    private string Region(string iso3) => states.TryGet(iso3, out var s) ? s.Region : "";

    private List<ThemeCount> LeadingThemes(IEnumerable<StoredAnswer> answers) =>
        [.. answers.SelectMany(a => a.Themes.Select(t => (Theme: t, a.Iso3)))
            .Distinct()
            .GroupBy(x => x.Theme, StringComparer.Ordinal)
            .Select(g => new ThemeCount(g.Key, themes.Title(g.Key), g.Count()))
            .OrderByDescending(t => t.States).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(LeadingThemeCount)];

    /// <summary>One excerpt per state and question, most confident first, spread over states before repeating one.</summary>
    private List<Excerpt> Excerpts(IEnumerable<StoredAnswer> answers, Dictionary<string, SubmissionRecord> reported) =>
        [.. answers
            .Where(a => a.Provenance.Count > 0)
            .GroupBy(a => (a.Iso3, a.Question))
            .Select(g => g.OrderByDescending(a => a.Confidence).ThenBy(a => a.Sequence).First())
            .OrderBy(a => a.Question).ThenByDescending(a => a.Confidence).ThenBy(a => a.Iso3, StringComparer.Ordinal)
            .GroupBy(a => a.Iso3)
            .SelectMany(g => g.Select((a, rank) => (a, rank)))
            .OrderBy(x => x.rank).ThenBy(x => x.a.Question).ThenBy(x => x.a.Iso3, StringComparer.Ordinal)
            .Take(ExcerptsPerRegion)
            .Select(x => x.a)
            .Select(a => new Excerpt(a.Iso3, states.TryGet(a.Iso3, out var s) ? s.Name : a.Iso3, a.Question, Shorten(a.Text),
                reported[a.Iso3].Language, reported[a.Iso3].BlobName, a.Provenance[0].Page, a.Provenance[0].Paragraph))];

    private static string Shorten(string text)
    {
        var firstParagraph = text.Split("\n\n")[0];
        return firstParagraph.Length <= ExcerptLength ? firstParagraph : firstParagraph[..ExcerptLength].TrimEnd() + "…";
    }
}
