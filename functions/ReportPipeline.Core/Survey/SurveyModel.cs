namespace ReportPipeline.Core.Survey;

/// <summary>The Global Implementation Survey for one period, as every renderer sees it.</summary>
public sealed record SurveyModel(
    int SchemaVersion,
    string Period,
    string Edition,
    DateTimeOffset CompiledAt,
    SurveyIntroduction Introduction,
    GlobalOutlook Global,
    IReadOnlyList<RegionOutlook> Regions,
    IReadOnlyList<ThemeOutlook> Themes,
    IReadOnlyList<StateStatus> Annex,
    SurveyChanges? Changes)
{
    /// <summary>
    /// 2: sub-regions with their own excerpts, excerpt sources, per-question answers in the annex, changes. 3: each state's and
    /// excerpt's <c>review</c> mark (<see cref="ReviewMarks"/>), the date a state was reviewed, and the count of reviewed reports.
    /// </summary>
    public const int CurrentSchemaVersion = 3;
}

/// <summary>What the survey covers, where its evidence comes from and how it was compiled.</summary>
public sealed record SurveyIntroduction(
    string Period,
    string Scope,
    string Sources,
    string Method,
    string Evidence,
    int Reports,
    IReadOnlyList<LanguageCount> Languages,
    int Reviewed = 0);

/// <summary>How many states reported in a language.</summary>
public sealed record LanguageCount(string Language, int States);

/// <summary>Coverage across all Member States and per question.</summary>
public sealed record GlobalOutlook(int StatesReporting, int TotalStates, IReadOnlyList<QuestionOutlook> Questions);

/// <summary>How many states answered a question, and what they spoke of most.</summary>
public sealed record QuestionOutlook(Question Key, string Title, string Text, int StatesAnswering, IReadOnlyList<ThemeCount> LeadingThemes);

/// <summary>A theme and the number of states that raised it.</summary>
public sealed record ThemeCount(string Key, string Title, int States);

/// <summary>A UN M49 region: its coverage, leading themes and sub-regions.</summary>
public sealed record RegionOutlook(
    string Name,
    int StatesReporting,
    int TotalStates,
    IReadOnlyList<ThemeCount> LeadingThemes,
    IReadOnlyList<SubregionOutlook> Subregions);

/// <summary>
/// An M49 sub-region, or its intermediate region where M49 has one (Western Africa within Sub-Saharan Africa),
/// with the states in it that reported, their leading themes and representative excerpts.
/// </summary>
public sealed record SubregionOutlook(
    string Name,
    string M49Subregion,
    int StatesReporting,
    int TotalStates,
    IReadOnlyList<string> Reporting,
    IReadOnlyList<ThemeCount> LeadingThemes,
    IReadOnlyList<Excerpt> Excerpts);

/// <summary>A passage quoted from a state's report, attributed to the state and traceable to its paragraph.</summary>
public sealed record Excerpt(string Id, string Iso3, string State, Question Question, string Text, string Language, ExcerptSource Source,
    string Review = ReviewMarks.MachineExtracted);

/// <summary>
/// Where an excerpt came from: the report blob, the stored version, and its page and paragraph.
/// <see cref="Reference"/> is the report's location relative to the storage account (<see cref="Storage.IReportLocator"/>)
/// followed by <c>#page=P&amp;paragraph=N</c>.
/// </summary>
public sealed record ExcerptSource(string Id, string Blob, int Version, string ContentHash, int Page, int Paragraph, string Reference);

/// <summary>A theme across the survey: which states raised it, where, and under which questions.</summary>
public sealed record ThemeOutlook(
    string Key,
    string Title,
    int States,
    IReadOnlyList<string> StateCodes,
    IReadOnlyList<string> Regions,
    IReadOnlyDictionary<Question, int> StatesByQuestion);

/// <summary>
/// One Member State's reporting status for the period (the annex); <see cref="Review"/> says whether an analyst checked its
/// answers (<see cref="ReviewMarks.Reviewed"/>, on <see cref="ReviewedAt"/>) or they are the machine's.
/// </summary>
public sealed record StateStatus(
    string Iso3,
    string Name,
    string Region,
    string Subregion,
    string Area,
    bool Reported,
    int Version,
    string Language,
    QuestionSet Coverage,
    DateTimeOffset? ReceivedAt,
    IReadOnlyList<StateAnswer> Answers,
    string Review = ReviewMarks.MachineExtracted,
    DateTimeOffset? ReviewedAt = null);

/// <summary>A state's answer to one question, summarised: its passages, themes and the most confident passage's opening.</summary>
public sealed record StateAnswer(Question Question, int Passages, IReadOnlyList<string> Themes, string Summary, int Page, int Paragraph);

/// <summary>What changed against the edition the committee saw before (this period's latest, else the previous period's).</summary>
public sealed record SurveyChanges(
    string BaselinePeriod,
    string BaselineEdition,
    int BaselineStatesReporting,
    int StatesReporting,
    IReadOnlyList<StateRef> NewReporters,
    IReadOnlyList<StateRef> RevisedReports,
    IReadOnlyList<StateRef> NoLongerReporting,
    IReadOnlyList<ThemeChange> Rising,
    IReadOnlyList<ThemeChange> Falling);

/// <summary>A Member State by code and name.</summary>
public sealed record StateRef(string Iso3, string Name);

/// <summary>A theme's reach before and now, in states and as a percentage of the states reporting.</summary>
public sealed record ThemeChange(string Key, string Title, int BaselineStates, int States, double BaselineShare, double Share)
{
    public double Delta => Math.Round(Share - BaselineShare, 1);
}
