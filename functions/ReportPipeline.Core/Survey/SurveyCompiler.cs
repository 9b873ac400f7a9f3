using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Reports;
using ReportPipeline.Core.Storage;

namespace ReportPipeline.Core.Survey;

/// <summary>Builds the survey model of a period from the stored submissions and answers. Pure, deterministic, and linear in the answers.</summary>
public sealed class SurveyCompiler(MemberStateRegistry states, ThemeCatalog themes, IReportLocator reports)
{
    private const int LeadingThemeCount = 5;
    private const int ExcerptsPerSubregion = 6;
    private const int ExcerptLength = 600;
    private const int SummaryLength = 300;

    public SurveyModel Compile(
        Period period,
        IReadOnlyList<SubmissionRecord> submissions,
        IReadOnlyList<StoredAnswer> answers,
        string edition,
        DateTimeOffset compiledAt,
        SurveyBaseline? baseline = null)
    {
        var reported = new Dictionary<string, SubmissionRecord>(StringComparer.Ordinal);
        foreach (var s in submissions)
        {
            reported[s.Key.State.Iso3] = s;
        }

        var answersByState = answers.Where(a => reported.ContainsKey(a.State.Iso3)).ToLookup(a => a.State.Iso3, StringComparer.Ordinal);
        var regions = states.All.GroupBy(s => s.Region).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(region => Region(region, reported, answersByState)).ToList();
        var themeOutlooks = Themes(reported, answersByState);
        var annex = states.All.Select(s => Status(s, reported, answersByState)).ToList();
        var introduction = Introduction(period.Value, reported);
        var global = new GlobalOutlook(reported.Count, states.All.Count, [.. GuidingQuestions.All.Select(q =>
        {
            var answering = answersByState.SelectMany(g => g).Where(a => a.Question == q.Key).ToList();
            return new QuestionOutlook(q.Key, q.Title, q.Text, answering.Select(a => a.State).Distinct().Count(), LeadingThemes(answering));
        })]);

        return new SurveyModel(SurveyModel.CurrentSchemaVersion, period.Value, edition, compiledAt, introduction, global, regions, themeOutlooks, annex,
            baseline is null ? null : Changes(baseline, reported, themeOutlooks));
    }

    private SurveyIntroduction Introduction(string period, Dictionary<string, SubmissionRecord> reported) => new(
        period,
        $"Implementation of resolution 1373 (2001) and other relevant resolutions by Member States, reporting period {period}: "
            + $"{reported.Count} of {states.All.Count} Member States submitted a report.",
        "The reports that Member States submitted to the Counter-Terrorism Committee for this period, each in the language its State chose; "
            + "where a State submitted more than once, its latest report counts and the earlier ones are kept as history.",
        "Each report was analysed for its layout, and its answers to the four guiding questions of the concept note (paragraph 9) were located "
            + "by explicit markers, headings and content; themes were identified from a fixed vocabulary in the six official languages. "
            + "Regions and sub-regions follow UN M49.",
        "The evidence is only what States said about themselves. It includes no country-visit reports, no assessments by the Executive Directorate "
            + "and no other source; a State that did not report is not assessed. Every excerpt names its State and cites the page and paragraph it came from.",
        reported.Count,
        [.. reported.Values.GroupBy(s => s.Language.Length > 0 ? s.Language : "und", StringComparer.Ordinal)
            .Select(g => new LanguageCount(g.Key, g.Count()))
            .OrderByDescending(l => l.States).ThenBy(l => l.Language, StringComparer.Ordinal)]);

    private RegionOutlook Region(IGrouping<string, MemberState> region, Dictionary<string, SubmissionRecord> reported, ILookup<string, StoredAnswer> answersByState)
    {
        var subregions = region.GroupBy(s => (s.Area, s.Subregion)).OrderBy(g => g.Key.Subregion, StringComparer.Ordinal).ThenBy(g => g.Key.Area, StringComparer.Ordinal)
            .Select(area =>
            {
                var reporting = area.Where(s => reported.ContainsKey(s.Iso3)).ToList();
                var areaAnswers = reporting.SelectMany(s => answersByState[s.Iso3]).ToList();
                return new SubregionOutlook(area.Key.Area, area.Key.Subregion, reporting.Count, area.Count(), [.. reporting.Select(s => s.Name)],
                    LeadingThemes(areaAnswers), Excerpts(areaAnswers, reported));
            })
            .ToList();
        return new RegionOutlook(region.Key, region.Count(s => reported.ContainsKey(s.Iso3)), region.Count(),
            LeadingThemes(region.SelectMany(s => answersByState[s.Iso3])), subregions);
    }

    private List<ThemeOutlook> Themes(Dictionary<string, SubmissionRecord> reported, ILookup<string, StoredAnswer> answersByState)
    {
        var raised = new Dictionary<string, (HashSet<string> States, SortedSet<string> Regions, Dictionary<Question, HashSet<string>> ByQuestion)>(StringComparer.Ordinal);
        foreach (var answer in answersByState.SelectMany(g => g))
        {
            foreach (var theme in answer.Themes)
            {
                if (!raised.TryGetValue(theme, out var entry))
                {
                    entry = ([], new SortedSet<string>(StringComparer.Ordinal), Question.All.ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal)));
                    raised[theme] = entry;
                }

                entry.States.Add(answer.State.Iso3);
                entry.Regions.Add(answer.State.Region);
                entry.ByQuestion[answer.Question].Add(answer.State.Iso3);
            }
        }

        return [.. raised
            .Select(t => new ThemeOutlook(t.Key, themes.Title(t.Key), t.Value.States.Count, [.. t.Value.States.Order(StringComparer.Ordinal)], [.. t.Value.Regions],
                Question.All.ToDictionary(k => k, k => t.Value.ByQuestion[k].Count)))
            .OrderByDescending(t => t.States).ThenBy(t => t.Key, StringComparer.Ordinal)];
    }

    private StateStatus Status(MemberState s, Dictionary<string, SubmissionRecord> reported, ILookup<string, StoredAnswer> answersByState)
    {
        if (!reported.TryGetValue(s.Iso3, out var sub))
        {
            return new StateStatus(s.Iso3, s.Name, s.Region, s.Subregion, s.Area, false, 0, "", QuestionSet.Empty, null, []);
        }

        var stateAnswers = answersByState[s.Iso3].GroupBy(a => a.Question).OrderBy(g => g.Key).Select(g =>
        {
            var best = g.OrderByDescending(a => a.Confidence).ThenBy(a => a.Sequence).First();
            var where = best.Provenance.Count > 0 ? best.Provenance[0] : new Provenance(0, 0);
            return new StateAnswer(g.Key, g.Count(), [.. g.SelectMany(a => a.Themes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                Shorten(best.Text, SummaryLength), where.Page, where.Paragraph);
        }).ToList();
        return new StateStatus(s.Iso3, s.Name, s.Region, s.Subregion, s.Area, true, sub.Version, sub.Language, sub.Coverage, sub.UploadedAt, stateAnswers);
    }

    private SurveyChanges Changes(SurveyBaseline baseline, Dictionary<string, SubmissionRecord> reported, List<ThemeOutlook> current)
    {
        StateRef Ref(string iso3) => new(iso3, states.TryGet(iso3, out var s) ? s.Name : iso3);
        static List<StateRef> ByName(IEnumerable<StateRef> refs) => [.. refs.OrderBy(r => r.Name, StringComparer.Ordinal)];
        static double Share(int count, int of) => of == 0 ? 0 : Math.Round(100.0 * count / of, 1);

        var currentThemes = current.ToDictionary(t => t.Key, t => t.States, StringComparer.Ordinal);
        var changes = currentThemes.Keys.Union(baseline.ThemeStates.Keys, StringComparer.Ordinal)
            .Select(key =>
            {
                var before = baseline.ThemeStates.GetValueOrDefault(key);
                var now = currentThemes.GetValueOrDefault(key);
                return new ThemeChange(key, themes.Title(key), before, now, Share(before, baseline.StatesReporting), Share(now, reported.Count));
            })
            .ToList();

        return new SurveyChanges(baseline.Period.Value, baseline.Edition, baseline.StatesReporting, reported.Count,
            ByName(reported.Keys.Where(k => !baseline.VersionsByState.ContainsKey(k)).Select(Ref)),
            ByName(reported.Values.Where(s => baseline.VersionsByState.TryGetValue(s.Key.State.Iso3, out var v) && s.Version > v && baseline.Period == s.Key.Period)
                .Select(s => Ref(s.Key.State.Iso3))),
            ByName(baseline.VersionsByState.Keys.Where(k => !reported.ContainsKey(k)).Select(Ref)),
            [.. changes.Where(c => c.Delta > 0).OrderByDescending(c => c.Delta).ThenBy(c => c.Key, StringComparer.Ordinal)],
            [.. changes.Where(c => c.Delta < 0).OrderBy(c => c.Delta).ThenBy(c => c.Key, StringComparer.Ordinal)]);
    }

    private List<ThemeCount> LeadingThemes(IEnumerable<StoredAnswer> answers) =>
        [.. answers.SelectMany(a => a.Themes.Select(t => (Theme: t, a.State.Iso3)))
            .Distinct()
            .GroupBy(x => x.Theme, StringComparer.Ordinal)
            .Select(g => new ThemeCount(g.Key, themes.Title(g.Key), g.Count()))
            .OrderByDescending(t => t.States).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(LeadingThemeCount)];

    /// <summary>One excerpt per state and question, most confident first, spread over states before repeating one.</summary>
    private List<Excerpt> Excerpts(IEnumerable<StoredAnswer> answers, Dictionary<string, SubmissionRecord> reported) =>
        [.. answers
            .Where(a => a.Provenance.Count > 0)
            .GroupBy(a => (a.State.Iso3, a.Question))
            .Select(g => g.OrderByDescending(a => a.Confidence).ThenBy(a => a.Sequence).First())
            .OrderBy(a => a.Question).ThenByDescending(a => a.Confidence).ThenBy(a => a.State.Iso3, StringComparer.Ordinal)
            .GroupBy(a => a.State.Iso3)
            .SelectMany(g => g.Select((a, rank) => (a, rank)))
            .OrderBy(x => x.rank).ThenBy(x => x.a.Question).ThenBy(x => x.a.State.Iso3, StringComparer.Ordinal)
            .Take(ExcerptsPerSubregion)
            .Select(x => Excerpt(x.a, reported[x.a.State.Iso3]))];

    private Excerpt Excerpt(StoredAnswer a, SubmissionRecord submission)
    {
        var where = a.Provenance[0];
        var id = $"{a.State.Iso3}-{a.Question}";
        var location = Uri.EscapeDataString(reports.Locate(submission.BlobName)).Replace("%2F", "/", StringComparison.Ordinal);
        var source = new ExcerptSource($"source-{id}", submission.BlobName, submission.Version, submission.ContentHash, where.Page, where.Paragraph,
            $"{location}#page={where.Page}&paragraph={where.Paragraph}");
        return new Excerpt($"excerpt-{id}", a.State.Iso3, a.State.Name, a.Question, Shorten(a.Text, ExcerptLength), submission.Language, source);
    }

    private static string Shorten(string text, int length)
    {
        var firstParagraph = text.Split("\n\n")[0];
        if (firstParagraph.Length <= length)
        {
            return firstParagraph;
        }

        var cut = char.IsHighSurrogate(firstParagraph[length - 1]) ? length - 1 : length;
        return firstParagraph[..cut].TrimEnd() + "…";
    }
}
