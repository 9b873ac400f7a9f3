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
    IReadOnlyList<StateStatus> Annex)
{
    public const int CurrentSchemaVersion = 1;
}

/// <summary>What the survey covers and how it was compiled.</summary>
public sealed record SurveyIntroduction(string Scope, string Sources, string Method);

/// <summary>Coverage across all Member States and per question.</summary>
public sealed record GlobalOutlook(int StatesReporting, int TotalStates, IReadOnlyList<QuestionOutlook> Questions);

/// <summary>How many states answered a question, and what they spoke of most.</summary>
public sealed record QuestionOutlook(char Key, string Title, string Text, int StatesAnswering, IReadOnlyList<ThemeCount> LeadingThemes);

/// <summary>A theme and the number of states that raised it.</summary>
public sealed record ThemeCount(string Key, string Title, int States);

/// <summary>A UN M49 region with its areas (sub-region or intermediate region).</summary>
public sealed record RegionOutlook(
    string Name,
    int StatesReporting,
    int TotalStates,
    IReadOnlyList<AreaOutlook> Areas,
    IReadOnlyList<ThemeCount> LeadingThemes,
    IReadOnlyList<Excerpt> Excerpts);

/// <summary>An M49 sub-region or intermediate region and the states in it that reported.</summary>
public sealed record AreaOutlook(string Name, int StatesReporting, int TotalStates, IReadOnlyList<string> Reporting);

/// <summary>A passage quoted from a state's report, traceable to its page and paragraph.</summary>
public sealed record Excerpt(string Iso3, string State, char Question, string Text, string Language, string SourceBlob, int Page, int Paragraph);

/// <summary>A theme across the survey: which states raised it, where, and under which questions.</summary>
public sealed record ThemeOutlook(string Key, string Title, int States, IReadOnlyList<string> Regions, IReadOnlyDictionary<string, int> StatesByQuestion);

/// <summary>One Member State's reporting status for the period (the annex).</summary>
public sealed record StateStatus(string Iso3, string Name, string Region, string Area, bool Reported, int Version, string Language, string Coverage);
