namespace ReportPipeline.Core.Survey;

/// <summary>A theme's reach before and now, in states and as a percentage of the states reporting.</summary>
public sealed record ThemeChange(string Key, string Title, int BaselineStates, int States, double BaselineShare, double Share)
{
    public double Delta => Math.Round(Share - BaselineShare, 1);
}
