using ReportPipeline.Core.Reports;

namespace ReportPipeline.Core.Review;

/// <summary>
/// A passage under a question as the review leaves it: where it came from (<see cref="PassageSources"/>), where it stands
/// (<see cref="PassageDecisions"/>), whether an analyst decided it (rather than confirming it by marking the review done), and
/// whether it is <see cref="New"/>: a machine passage of a review under way that the analyst never had in view. <see cref="Found"/>:
/// the extractor put it under this question (what agreement is measured on).
/// </summary>
public sealed record ReviewedPassage(
    string Id,
    Question Question,
    string Text,
    int Page,
    int Paragraph,
    IReadOnlyList<Provenance> Provenance,
    string Source,
    string Decision,
    bool Decided,
    bool New,
    bool Found,
    double Confidence,
    IReadOnlyList<string> Themes);
