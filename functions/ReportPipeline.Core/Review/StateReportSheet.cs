namespace ReportPipeline.Core.Review;

/// <summary>
/// A state's current report as its focal point sees it in the portal: the version and revision an indication is made on, how
/// many indications a report may hold, its paragraphs, the machine's passages, and the state's own indications with what
/// the analysts made of them (never who they are).
/// </summary>
public sealed record StateReportSheet(
    string State,
    string Name,
    string Period,
    int Version,
    int Revision,
    int MaxIndications,
    IReadOnlyList<ReviewParagraph> Paragraphs,
    IReadOnlyList<StatePassage> Passages,
    IReadOnlyList<StateIndication> Indications);
