namespace ReportPipeline.Core.Survey;

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
