namespace ReportPipeline.Core.Review;

/// <summary>
/// One decision of a review, as stored: its place in the log (<see cref="Revision"/>, from 1), what was done to which
/// passage or paragraph, the text it was made on (so a passage the extractor no longer finds keeps its words), who made
/// it (Entra object id and name) and when, and the machine passages the analyst had in view (<see cref="Seen"/>).
/// </summary>
public sealed record ReviewDecision(
    int Revision,
    ReviewAction Action,
    string Passage,
    Question? Question,
    string Paragraph,
    string Text,
    string ById,
    string ByName,
    DateTimeOffset At,
    IReadOnlyList<string> Seen)
{
    /// <summary>The longest passage text or note a decision keeps (one table property); longer texts are cut at a character boundary.</summary>
    public const int MaxTextLength = 30_000;
}
