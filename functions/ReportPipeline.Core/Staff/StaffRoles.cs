namespace ReportPipeline.Core.Staff;

/// <summary>The app roles staff hold in the app registration; each staff endpoint asks for one of them.</summary>
public static class StaffRoles
{
    /// <summary>Read coverage, uploads and survey links.</summary>
    public const string SurveysRead = "Surveys.Read";

    /// <summary>Compile the survey now, and the like: work that changes what the pipeline holds.</summary>
    public const string PipelineOperate = "Pipeline.Operate";

    public static IReadOnlyList<string> All { get; } = [SurveysRead, PipelineOperate];
}
