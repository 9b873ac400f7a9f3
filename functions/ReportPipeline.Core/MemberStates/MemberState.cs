namespace ReportPipeline.Core.MemberStates;

/// <summary>A UN Member State with its UN M49 region, sub-region and intermediate region.</summary>
public sealed record MemberState(string Iso3, string M49, string Name, string Region, string Subregion, string IntermediateRegion)
{
    /// <summary>The finest M49 grouping: the intermediate region where one exists, else the sub-region.</summary>
    public string Area => IntermediateRegion.Length > 0 ? IntermediateRegion : Subregion;
}
