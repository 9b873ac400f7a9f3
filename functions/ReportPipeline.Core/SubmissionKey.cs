using ReportPipeline.Core.MemberStates;

namespace ReportPipeline.Core;

/// <summary>Whose report for which period: a state has one current submission, and its history, per period.</summary>
public sealed record SubmissionKey(Period Period, MemberState State)
{
    public override string ToString() => $"{Period}/{State.Iso3}";
}
