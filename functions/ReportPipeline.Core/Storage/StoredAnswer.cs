using ReportPipeline.Core.MemberStates;
using ReportPipeline.Core.Reports;

namespace ReportPipeline.Core.Storage;

/// <summary>A stored answer passage of a state's report.</summary>
public sealed record StoredAnswer(
    MemberState State,
    Question Question,
    int Sequence,
    string Text,
    double Confidence,
    string Method,
    IReadOnlyList<Provenance> Provenance,
    IReadOnlyList<string> Themes);
