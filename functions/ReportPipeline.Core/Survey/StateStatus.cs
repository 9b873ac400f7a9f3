namespace ReportPipeline.Core.Survey;

/// <summary>One Member State's reporting status for the period (the annex).</summary>
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
    IReadOnlyList<StateAnswer> Answers);
