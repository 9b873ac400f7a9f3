namespace ReportPipeline.Core.Staff;

/// <summary>The app roles staff hold in the app registration; each staff endpoint asks for one of them.</summary>
public static class StaffRoles
{
    /// <summary>Read coverage, uploads and survey links.</summary>
    public const string SurveysRead = "Surveys.Read";

    /// <summary>Compile the survey now, and the like: work that changes what the pipeline holds.</summary>
    public const string PipelineOperate = "Pipeline.Operate";

    /// <summary>Review states' reports: accept, reject, move, copy and add passages, keep notes, mark a report reviewed.</summary>
    public const string ReportsReview = "Reports.Review";

    public static IReadOnlyList<string> All { get; } = [SurveysRead, PipelineOperate, ReportsReview];
}
