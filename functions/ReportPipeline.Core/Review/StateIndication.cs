namespace ReportPipeline.Core.Review;

/// <summary>
/// A state's indication on its report (<see cref="IndicationKinds"/>): the passage it names, the words, who sent it (the upload
/// key's id and state) and when, and what an analyst made of it (<see cref="PassageDecisions"/>: pending until an analyst accepts or
/// rejects the passage after it), by whom and when.
/// </summary>
public sealed record StateIndication(
    string Kind,
    string Passage,
    Question Question,
    int Page,
    int Paragraph,
    string Text,
    int Revision,
    string ById,
    string ByName,
    DateTimeOffset At,
    string Decision,
    string? DecidedBy,
    DateTimeOffset? DecidedAt);
